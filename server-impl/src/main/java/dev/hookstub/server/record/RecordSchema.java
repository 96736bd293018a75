package dev.hookstub.server.record;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.openapi.JsonPointers;
import dev.hookstub.openapi.OpenApiSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a spec says of one API's record, read from the schema its read operation answers with: the properties in the
 * spec's order, the required ones, and each property's own schema ({@code $ref}s followed, {@code allOf} members
 * merged in order).
 */
public final class RecordSchema {

    private final OpenApiSpec spec;
    private final String pointer;
    /** Each property's schema, by where the spec writes it (possibly a {@code $ref}). */
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Set<String> required = new LinkedHashSet<>();

    private RecordSchema(OpenApiSpec spec, String pointer) {
        this.spec = spec;
        this.pointer = spec.resolve(pointer);
        collect(this.pointer, 0);
    }

    /** The schema of the 200 answer to {@code GET path}, in the first media type the spec gives it. */
    public static RecordSchema ofRead(OpenApiSpec spec, String path) {
        String response = spec.resolve(JsonPointers.append("/paths", path) + "/get/responses/200");
        JsonNode content = spec.node(response).path("content");
        if (!content.fieldNames().hasNext()) {
            throw new IllegalStateException(spec.name() + ": GET " + path + " answers 200 with no content");
        }
        return new RecordSchema(spec, JsonPointers.append(response + "/content", content.fieldNames().next())
                + "/schema");
    }

    private void collect(String schema, int depth) {
        String at = spec.resolve(schema);
        if (depth > 8) {
            return;
        }
        JsonNode resolved = spec.node(at);
        for (int i = 0; i < resolved.path("allOf").size(); i++) {
            collect(at + "/allOf/" + i, depth + 1);
        }
        resolved.path("properties").fieldNames().forEachRemaining(name ->
                properties.put(name, JsonPointers.append(at + "/properties", name)));
        resolved.path("required").forEach(name -> required.add(name.asText()));
    }

    public OpenApiSpec spec() {
        return spec;
    }

    /** Where the record's schema is in its spec, after {@code $ref}s. */
    public String pointer() {
        return pointer;
    }

    /** The property names, in the spec's order. */
    public Set<String> properties() {
        return Collections.unmodifiableSet(properties.keySet());
    }

    public boolean defines(String property) {
        return properties.containsKey(property);
    }

    public Set<String> required() {
        return Collections.unmodifiableSet(required);
    }

    /** The property's schema as the spec writes it (possibly a {@code $ref}); missing when undefined. */
    public JsonNode property(String name) {
        String at = properties.get(name);
        return at == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : spec.node(at);
    }

    /** The property's schema, {@code $ref}s followed; missing when undefined. */
    private JsonNode resolvedProperty(String name) {
        String at = properties.get(name);
        return at == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : spec.node(spec.resolve(at));
    }

    /**
     * The value the spec itself gives a property: its {@code default}, else its {@code example}, else the first of
     * its {@code examples}; null when it gives none.
     */
    public JsonNode specValue(String name) {
        JsonNode property = resolvedProperty(name);
        for (String keyword : new String[] {"default", "example"}) {
            if (property.has(keyword)) {
                return property.get(keyword);
            }
        }
        return property.path("examples").isArray() && !property.path("examples").isEmpty()
                ? property.path("examples").get(0) : null;
    }

    /** Whether the property's schema allows JSON values of this type ({@code string}, {@code integer}, ...). */
    public boolean allowsType(String name, String type) {
        JsonNode declared = resolvedProperty(name).path("type");
        if (declared.isMissingNode()) {
            return defines(name);
        }
        for (JsonNode each : declared.isArray() ? declared : java.util.List.of(declared)) {
            if (each.asText().equals(type)) {
                return true;
            }
        }
        return false;
    }
}
