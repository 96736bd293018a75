package dev.hookstub.server.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The example record a spec gives for a response: the media type's first named example, else its example,
 * else the schema's example, else one assembled from the examples of the schema's properties.
 */
public final class SpecExamples {

    private SpecExamples() {
    }

    public static JsonNode response(SpecDocument spec, String path, String method, String status) {
        JsonNode content = spec.resolve(spec.at("/paths/" + SpecDocument.escape(path) + "/" + method
                + "/responses/" + status)).path("content");
        JsonNode media = content.elements().hasNext() ? content.elements().next() : JsonNodeFactory.instance.objectNode();
        if (media.path("examples").size() > 0) {
            return spec.resolve(media.path("examples").elements().next()).path("value");
        }
        if (media.has("example")) {
            return media.get("example");
        }
        return fromSchema(spec, media.path("schema"));
    }

    private static JsonNode fromSchema(SpecDocument spec, JsonNode schemaOrRef) {
        JsonNode schema = spec.resolve(schemaOrRef);
        if (schema.has("example")) {
            return schema.get("example");
        }
        ObjectNode example = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode value = fromSchema(spec, property.getValue());
            if (!value.isMissingNode() && !(value.isObject() && value.isEmpty())) {
                example.set(property.getKey(), value);
            }
        }
        return example.isEmpty() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : example;
    }
}
