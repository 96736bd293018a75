package dev.hookstub.server.record;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.server.spec.SpecDocument;
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

    private final SpecDocument spec;
    private final String pointer;
    private final Map<String, JsonNode> properties = new LinkedHashMap<>();
    private final Set<String> required = new LinkedHashSet<>();

    private RecordSchema(SpecDocument spec, String pointer) {
        this.spec = spec;
        this.pointer = spec.resolvePointer(pointer);
        collect(spec.at(this.pointer), 0);
    }

    /** The schema of the 200 answer to {@code GET path}, in the first media type the spec gives it. */
    public static RecordSchema ofRead(SpecDocument spec, String path) {
        String responses = "/paths/" + SpecDocument.escape(path) + "/get/responses/200";
        JsonNode content = spec.resolve(spec.at(responses)).path("content");
        if (!content.fieldNames().hasNext()) {
            throw new IllegalStateException(spec.file() + ": GET " + path + " answers 200 with no content");
        }
        String response = spec.resolvePointer(responses);
        return new RecordSchema(spec, response + "/content/" + SpecDocument.escape(content.fieldNames().next())
                + "/schema");
    }

    private void collect(JsonNode schema, int depth) {
        JsonNode resolved = spec.resolve(schema);
        if (depth > 8) {
            return;
        }
        resolved.path("allOf").forEach(member -> collect(member, depth + 1));
        resolved.path("properties").fields().forEachRemaining(p -> properties.put(p.getKey(), p.getValue()));
        resolved.path("required").forEach(name -> required.add(name.asText()));
    }

    public SpecDocument spec() {
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
        JsonNode property = properties.get(name);
        return property == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : property;
    }

    /**
     * The value the spec itself gives a property: its {@code default}, else its {@code example}, else the first of
     * its {@code examples}; null when it gives none.
     */
    public JsonNode specValue(String name) {
        JsonNode property = spec.resolve(property(name));
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
        JsonNode declared = spec.resolve(property(name)).path("type");
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
