package dev.hookstub.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON types a schema allows, read through {@code $ref}, {@code allOf}, {@code oneOf} and {@code anyOf}, with 3.0's
 * {@code nullable} as the type "null": what decides how a parameter's text is read, or what a wrong type is.
 */
public final class SchemaTypes {

    private static final List<String> ANY = List.of("string", "number", "integer", "boolean", "object", "array", "null");

    private SchemaTypes() {
    }

    /** The types of the schema at {@code pointer}, unmodifiable; every type when it does not say. */
    public static List<String> of(OpenApiSpec spec, String pointer) {
        return spec.schemaTypes(pointer, p -> {
            Set<String> types = new LinkedHashSet<>();
            collect(spec, p, types, 0);
            return types.isEmpty() ? ANY : new ArrayList<>(types);
        });
    }

    /** The types a schema node names itself (no {@code $ref} followed); empty when it names none. */
    public static List<String> declared(JsonNode schema) {
        List<String> types = new ArrayList<>();
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            types.add(type.asText());
        } else {
            type.forEach(t -> types.add(t.asText()));
        }
        if (schema.path("nullable").asBoolean(false) && !types.isEmpty() && !types.contains("null")) {
            types.add("null");
        }
        return types;
    }

    private static void collect(OpenApiSpec spec, String pointer, Set<String> types, int depth) {
        if (depth > 16) {
            return;
        }
        String at = spec.resolve(pointer);
        JsonNode schema = spec.node(at);
        List<String> own = declared(schema);
        if (own.isEmpty() && schema.has("properties")) {
            own = List.of("object");
        } else if (own.isEmpty() && schema.has("items")) {
            own = List.of("array");
        }
        types.addAll(own);
        if (!own.isEmpty()) {
            return;
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            JsonNode branches = schema.path(combinator);
            for (int i = 0; i < branches.size(); i++) {
                collect(spec, at + "/" + combinator + "/" + i, types, depth + 1);
            }
        }
    }
}
