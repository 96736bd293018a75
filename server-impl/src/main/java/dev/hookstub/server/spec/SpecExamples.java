package dev.hookstub.server.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.openapi.JsonPointers;
import dev.hookstub.openapi.OpenApiSpec;
import java.util.Iterator;

/**
 * The example record a spec gives for a response: the media type's first named example, else its example,
 * else the schema's example, else one assembled from the examples of the schema's properties.
 */
public final class SpecExamples {

    private SpecExamples() {
    }

    public static JsonNode response(OpenApiSpec spec, String path, String method, String status) {
        String response = spec.resolve(JsonPointers.append(JsonPointers.append("/paths", path) + "/" + method
                + "/responses", status));
        Iterator<String> types = spec.node(response + "/content").fieldNames();
        if (!types.hasNext()) {
            return MissingNode.getInstance();
        }
        String media = JsonPointers.append(response + "/content", types.next());
        Iterator<String> named = spec.node(media + "/examples").fieldNames();
        if (named.hasNext()) {
            return spec.node(spec.resolve(JsonPointers.append(media + "/examples", named.next()))).path("value");
        }
        if (spec.node(media).has("example")) {
            return spec.node(media).get("example");
        }
        return fromSchema(spec, media + "/schema");
    }

    private static JsonNode fromSchema(OpenApiSpec spec, String pointer) {
        String at = spec.resolve(pointer);
        JsonNode schema = spec.node(at);
        if (schema.has("example")) {
            return schema.get("example");
        }
        ObjectNode example = JsonNodeFactory.instance.objectNode();
        schema.path("properties").fieldNames().forEachRemaining(name -> {
            JsonNode value = fromSchema(spec, JsonPointers.append(at + "/properties", name));
            if (!value.isMissingNode() && !(value.isObject() && value.isEmpty())) {
                example.set(name, value);
            }
        });
        return example.isEmpty() ? MissingNode.getInstance() : example;
    }
}
