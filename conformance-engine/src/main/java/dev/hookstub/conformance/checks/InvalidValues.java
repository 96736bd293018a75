package dev.hookstub.conformance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hookstub.openapi.JsonPointers;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.ParameterCodec;
import dev.hookstub.openapi.SchemaCatalog.Direction;
import dev.hookstub.openapi.SchemaTypes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Values that break a schema, each labelled with how: a wrong type or format in a parameter, a body missing a required
 * member, a member of the wrong type, an enum value the spec does not list. Every candidate is checked against the
 * schema by the validator and dropped unless it really is invalid, so a negative case never sends valid data.
 */
final class InvalidValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final OpenApiSpec spec;
    private final Random random;

    InvalidValues(OpenApiSpec spec, Random random) {
        this.spec = spec;
        this.random = random;
    }

    /** Wire values for a parameter that its schema rejects, keyed by what is wrong with them. */
    Map<String, String> forParameter(String schemaPointer, boolean inPath) {
        JsonNode schema = spec.node(spec.resolve(schemaPointer));
        List<String> types = SchemaTypes.of(spec, schemaPointer);
        if (types.contains("array") || types.contains("object")) {
            return Map.of();
        }
        Map<String, String> candidates = new LinkedHashMap<>();
        if (types.contains("integer") || types.contains("number")) {
            candidates.put("not a number", "abc" + random.nextInt(1000));
        }
        if (types.contains("integer")) {
            candidates.put("not an integer", "1." + (1 + random.nextInt(9)));
        }
        if (schema.has("minimum")) {
            candidates.put("below minimum", schema.get("minimum").decimalValue().subtract(BigDecimal.ONE).toPlainString());
        }
        if (schema.has("maximum")) {
            candidates.put("above maximum", schema.get("maximum").decimalValue().add(BigDecimal.ONE).toPlainString());
        }
        if (types.contains("boolean")) {
            candidates.put("not a boolean", "maybe");
        }
        switch (schema.path("format").asText("")) {
            case "uuid" -> candidates.put("not a uuid", "not-a-uuid-" + random.nextInt(1000));
            case "date-time" -> candidates.put("not a date-time", "yesterday");
            case "date" -> candidates.put("not a date", "31-31-2020");
            case "email" -> candidates.put("not an email", "nobody");
            default -> { }
        }
        if (schema.has("pattern")) {
            candidates.put("does not match " + schema.get("pattern").asText(), "conformance" + random.nextInt(1000));
        }
        if (schema.has("enum")) {
            candidates.put("not in enum", "conformance-not-in-enum");
        }
        if (schema.has("maxLength")) {
            candidates.put("longer than maxLength", "x".repeat(schema.get("maxLength").asInt() + 1));
        }
        if (schema.path("minLength").asInt(0) > 1) {
            candidates.put("shorter than minLength", "x");
        }
        Map<String, String> invalid = new LinkedHashMap<>();
        candidates.forEach((why, wire) -> {
            boolean usable = !inPath || (!wire.isEmpty() && !wire.contains("/"));
            // Refused however the server reads the text: with a type list holding string ([integer, string]),
            // "1" below a minimum of 2 is a valid string, and bounds do not apply to strings.
            if (usable && !spec.schemas().conforms(schemaPointer, ParameterCodec.typed(wire, types), Direction.REQUEST)
                    && !(types.contains("string")
                            && spec.schemas().conforms(schemaPointer, TextNode.valueOf(wire), Direction.REQUEST))) {
                invalid.put(why, wire);
            }
        });
        return invalid;
    }

    /**
     * Values of an object or array parameter that its schema rejects, derived from the valid value the request sent:
     * a required member left out, a member or an item (the first) with a value {@link #forParameter} makes for its
     * schema. Members are typed as the server reads them from the wire, and each value is kept only when the schema
     * refuses the whole of it. Keys say what is wrong.
     */
    Map<String, JsonNode> forMembers(String schemaPointer, JsonNode valid, boolean inPath) {
        String at = spec.resolve(schemaPointer);
        JsonNode schema = spec.node(at);
        Map<String, JsonNode> candidates = new LinkedHashMap<>();
        if (valid instanceof ObjectNode object) {
            for (String name : SchemaValues.required(schema)) {
                if (object.has(name) && object.size() > 1) {
                    ObjectNode missing = object.deepCopy();
                    missing.remove(name);
                    candidates.put("required member '" + name + "' missing", missing);
                }
            }
            schema.path("properties").fieldNames().forEachRemaining(name -> {
                String member = at + "/properties/" + JsonPointers.escape(name);
                List<String> types = SchemaTypes.of(spec, member);
                forParameter(member, inPath).forEach((why, wire) -> {
                    if (delimits(wire)) {
                        return;
                    }
                    ObjectNode broken = object.deepCopy();
                    broken.set(name, ParameterCodec.typed(wire, types));
                    candidates.put("member '" + name + "' " + why, broken);
                });
            });
        } else if (valid instanceof ArrayNode array && !array.isEmpty() && schema.has("items")) {
            List<String> types = SchemaTypes.of(spec, at + "/items");
            forParameter(at + "/items", inPath).forEach((why, wire) -> {
                if (delimits(wire)) {
                    return;
                }
                ArrayNode broken = array.deepCopy();
                broken.set(0, ParameterCodec.typed(wire, types));
                candidates.put("an item " + why, broken);
            });
        }
        Map<String, JsonNode> invalid = new LinkedHashMap<>();
        candidates.forEach((why, value) -> {
            if (!spec.schemas().conforms(schemaPointer, value, Direction.REQUEST)) {
                invalid.put(why, value);
            }
        });
        return invalid;
    }

    /**
     * Whether a member's value holds what some style separates members or items with ({@code .} in label, {@code ;}
     * and {@code =} in matrix, {@code ,} in form and simple, {@code &}, {@code |}, a space, deepObject's brackets):
     * {@code 1.5} as a label member reads as two members, not as a number that is not an integer.
     */
    private static boolean delimits(String wire) {
        return wire.chars().anyMatch(c -> ".,;=&|[]/ ".indexOf(c) >= 0);
    }

    /**
     * Bodies that break the body schema, derived from a valid body: a member missing, a member of the wrong type, an
     * enum value not listed, a body that is not an object. Keys say what is wrong.
     */
    Map<String, JsonNode> forBody(String schemaPointer, JsonNode validBody) {
        JsonNode schema = spec.node(spec.resolve(schemaPointer));
        Map<String, JsonNode> candidates = new LinkedHashMap<>();
        if (validBody instanceof ObjectNode object) {
            for (String name : SchemaValues.required(schema)) {
                ObjectNode missing = object.deepCopy();
                missing.remove(name);
                candidates.put("required member '" + name + "' missing", missing);
            }
            schema.path("properties").fieldNames().forEachRemaining(name -> {
                String propertyPointer = spec.resolve(spec.resolve(schemaPointer) + "/properties/" + JsonPointers.escape(name));
                JsonNode property = spec.node(propertyPointer);
                if (property.path("readOnly").asBoolean(false)) {
                    return;
                }
                ObjectNode wrongType = object.deepCopy();
                wrongType.set(name, wrongTypeFor(SchemaTypes.of(spec, propertyPointer)));
                candidates.put("member '" + name + "' of the wrong type", wrongType);
                if (property.has("enum")) {
                    ObjectNode notListed = object.deepCopy();
                    notListed.put(name, "conformance-not-in-enum");
                    candidates.put("member '" + name + "' not in its enum", notListed);
                }
            });
        }
        ArrayNode array = NODES.arrayNode();
        candidates.put("a JSON array instead of an object", array);
        Map<String, JsonNode> invalid = new LinkedHashMap<>();
        candidates.forEach((why, body) -> {
            if (!spec.schemas().conforms(schemaPointer, body, Direction.REQUEST)) {
                invalid.put(why, body);
            }
        });
        return invalid;
    }

    /**
     * Text that is not JSON at all: a valid body cut short, or, where what is left is still JSON (a number cut short
     * is a shorter number: {@code 8389} became {@code 83}, which a schema of numbers takes), that opened as an array
     * and never closed.
     */
    static String malformed(String validJson) {
        String cut = validJson.length() < 2 ? "{" : validJson.substring(0, validJson.length() / 2);
        return isJson(cut) ? "[" + cut : cut;
    }

    private static boolean isJson(String text) {
        try {
            STRICT_JSON.readTree(text);
            return !text.isBlank();
        } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
            return false;
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper STRICT_JSON =
            new com.fasterxml.jackson.databind.ObjectMapper().enable(
                    com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static JsonNode wrongTypeFor(List<String> types) {
        if (types.contains("integer") || types.contains("number") || types.contains("boolean")) {
            return TextNode.valueOf("not-a-number");
        }
        return types.contains("string") ? NODES.numberNode(12345) : NODES.arrayNode().add(NODES.objectNode());
    }
}
