package dev.hookstub.conformance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.SpecSchemas;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Valid values for a schema of a spec: the spec's own examples, and values generated from the schema with a seeded
 * {@link Random} (enums, formats uuid/date-time/date/email/uri, simple patterns, bounds, objects with their required and
 * some optional properties). Every value handed out has been checked against the schema by the validator; what cannot
 * be made valid is not handed out.
 *
 * <p>A string the schema does not constrain takes the spec's example inside a request body: the specs put some rules
 * only in prose (MijnKlantportaal's event {@code type} and absolute {@code url}), and a random string would break a
 * rule the schema cannot show. Parameters get random strings; a valid but unknown id is what they should test.
 */
final class SchemaValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern REGEX_META = Pattern.compile("[\\\\.\\[\\]{}()*+?^$|]");
    /** Valid but awkward strings: spaces, non-ASCII, URL-special characters, length. Never a '/' (it splits a path). */
    private static final List<String> AWKWARD_STRINGS = List.of(
            "a b", "\u00fcn\u00efc\u00f6d\u00e9", "100%", "semi;colon", "dot.dot", "~tilde", "quote'", "plus+sign",
            "amp&er=sand", "x".repeat(300));
    /** Valid integers where servers that parse into int or long break (see {@link #boundaries}). */
    private static final List<BigInteger> EDGE_INTEGERS = List.of(BigInteger.ZERO, BigInteger.valueOf(-1),
            BigInteger.valueOf(Integer.MAX_VALUE).add(BigInteger.ONE), BigInteger.valueOf(Long.MAX_VALUE),
            BigInteger.TWO.pow(64));

    private final OpenApiSpec spec;
    private final Random random;

    SchemaValues(OpenApiSpec spec, Random random) {
        this.spec = spec;
        this.random = random;
    }

    /** The spec's example for the schema (built from its properties' examples for an object), if it is valid. */
    Optional<JsonNode> example(String schemaPointer) {
        return exampleOf(schemaPointer, 0).filter(value -> SpecSchemas.conforms(spec, schemaPointer, value));
    }

    /**
     * The spec's example as written, valid or not: an example record only has to name the record to read, and a spec
     * whose schema has moved on from its example (a new required member) must still be checked against the server.
     */
    Optional<JsonNode> exampleAsWritten(String schemaPointer) {
        return exampleOf(schemaPointer, 0);
    }

    /** A generated valid value, or the example when generation cannot satisfy the schema; empty when neither can. */
    Optional<JsonNode> generate(String schemaPointer, boolean inBody) {
        Optional<JsonNode> generated = generateAt(schemaPointer, inBody, 0)
                .filter(value -> SpecSchemas.conforms(spec, schemaPointer, value));
        return generated.isPresent() ? generated : example(schemaPointer);
    }

    private Optional<JsonNode> exampleOf(String pointer, int depth) {
        String at = spec.resolve(pointer);
        JsonNode schema = spec.at(at);
        if (depth > 8) {
            return Optional.empty();
        }
        if (schema.has("example")) {
            return Optional.of(schema.get("example"));
        }
        if (schema.path("examples").isArray() && !schema.path("examples").isEmpty()) {
            return Optional.of(schema.path("examples").get(0));
        }
        if (schema.has("default")) {
            return Optional.of(schema.get("default"));
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return Optional.of(schema.path("enum").get(0));
        }
        if (types(schema).contains("object") || schema.has("properties")) {
            ObjectNode object = NODES.objectNode();
            List<String> required = required(schema);
            for (String name : writableProperties(schema)) {
                String property = at + "/properties/" + escape(name);
                Optional<JsonNode> value = exampleOf(property, depth + 1);
                if (value.isPresent() && (required.contains(name) || hasOwnExample(property))) {
                    object.set(name, value.get());
                } else if (required.contains(name)) {
                    generateAt(property, true, depth + 1).ifPresent(v -> object.set(name, v));
                }
            }
            return Optional.of(object);
        }
        return Optional.empty();
    }

    private boolean hasOwnExample(String pointer) {
        JsonNode schema = spec.at(spec.resolve(pointer));
        return schema.has("example") || schema.has("examples");
    }

    private Optional<JsonNode> generateAt(String pointer, boolean inBody, int depth) {
        String at = spec.resolve(pointer);
        JsonNode schema = spec.at(at);
        if (depth > 8) {
            return Optional.empty();
        }
        if (schema.has("const")) {
            return Optional.of(schema.get("const"));
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            JsonNode options = schema.path("enum");
            return Optional.of(options.get(random.nextInt(options.size())));
        }
        List<String> types = types(schema);
        String type = types.stream().filter(t -> !t.equals("null")).findFirst()
                .orElse(schema.has("properties") ? "object" : types.isEmpty() ? "string" : "null");
        return switch (type) {
            case "null" -> Optional.of(NODES.nullNode());
            case "boolean" -> Optional.of(NODES.booleanNode(random.nextBoolean()));
            case "integer" -> NumberBounds.of(schema, true).random(random)
                    .map(value -> NODES.numberNode(value.toBigIntegerExact()));
            // As drawn, in the step's scale: the node factory would strip 100.00 to 1E+2.
            case "number" -> NumberBounds.of(schema, false).random(random).map(DecimalNode::valueOf);
            case "string" -> string(schema, inBody);
            case "array" -> array(at, schema, inBody, depth);
            case "object" -> Optional.of(object(at, schema, inBody, depth));
            default -> Optional.empty();
        };
    }

    /**
     * Valid values at the edges, the same for every seed: for an integer, 0, -1 and the first values that no longer fit
     * a 32-bit or 64-bit integer (within the schema's bounds); for a string, its minimum and maximum lengths.
     */
    List<JsonNode> boundaries(String schemaPointer) {
        JsonNode schema = spec.at(spec.resolve(schemaPointer));
        List<JsonNode> candidates = new ArrayList<>();
        List<String> types = types(schema);
        if (schema.has("enum") || schema.has("const")) {
            return List.of();
        }
        if (types.contains("integer")) {
            EDGE_INTEGERS.forEach(edge -> candidates.add(NODES.numberNode(edge)));
        }
        if (types.contains("string") && !schema.has("pattern") && !schema.has("format")) {
            if (schema.has("maxLength")) {
                candidates.add(TextNode.valueOf("x".repeat(schema.get("maxLength").asInt())));
            }
            if (schema.path("minLength").asInt(0) > 1) {
                candidates.add(TextNode.valueOf("x".repeat(schema.get("minLength").asInt())));
            }
        }
        return candidates.stream().filter(value -> SpecSchemas.conforms(spec, schemaPointer, value)).toList();
    }

    private Optional<JsonNode> string(JsonNode schema, boolean inBody) {
        String format = schema.path("format").asText("");
        switch (format) {
            case "uuid":
                byte[] bytes = new byte[16];
                random.nextBytes(bytes);
                return Optional.of(TextNode.valueOf(UUID.nameUUIDFromBytes(bytes).toString()));
            case "date-time":
                return Optional.of(TextNode.valueOf(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        randomInstant().atOffset(ZoneOffset.UTC))));
            case "date":
                return Optional.of(TextNode.valueOf(randomInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString()));
            case "email":
                return Optional.of(TextNode.valueOf("conformance+" + letters(6) + "@example.com"));
            case "uri", "url":
                return Optional.of(TextNode.valueOf("https://example.com/conformance/" + letters(8)));
            default:
                break;
        }
        if (schema.has("pattern")) {
            return patterned(schema);
        }
        if (inBody && schema.has("example")) {
            return Optional.of(schema.get("example"));
        }
        if (random.nextInt(4) == 0) {
            return Optional.of(TextNode.valueOf(AWKWARD_STRINGS.get(random.nextInt(AWKWARD_STRINGS.size()))));
        }
        int min = Math.max(1, schema.path("minLength").asInt(1));
        int max = Math.max(min, Math.min(schema.path("maxLength").asInt(16), min + 16));
        return Optional.of(TextNode.valueOf(letters(min + random.nextInt(max - min + 1))));
    }

    /**
     * "Pattern-lite": the pattern's literal start (after {@code ^}) followed by random letters, which covers
     * prefix patterns such as {@code ^hook_.+$}; when that does not match, the example if it does.
     */
    private Optional<JsonNode> patterned(JsonNode schema) {
        Pattern pattern = Pattern.compile(schema.get("pattern").asText());
        String source = pattern.pattern().startsWith("^") ? pattern.pattern().substring(1) : pattern.pattern();
        var meta = REGEX_META.matcher(source);
        String prefix = meta.find() ? source.substring(0, meta.start()) : source;
        String candidate = prefix + (random.nextInt(4) == 0
                ? AWKWARD_STRINGS.get(random.nextInt(AWKWARD_STRINGS.size())) : letters(8 + random.nextInt(8)));
        if (pattern.matcher(candidate).find()) {
            return Optional.of(TextNode.valueOf(candidate));
        }
        JsonNode example = schema.get("example");
        return example != null && pattern.matcher(example.asText()).find() ? Optional.of(example) : Optional.empty();
    }

    private Optional<JsonNode> array(String at, JsonNode schema, boolean inBody, int depth) {
        ArrayNode array = NODES.arrayNode();
        int min = schema.path("minItems").asInt(0);
        int max = Math.max(min, Math.min(schema.path("maxItems").asInt(min + 2), min + 2));
        int size = min + random.nextInt(max - min + 1);
        for (int i = 0; i < size; i++) {
            Optional<JsonNode> item = generateAt(at + "/items", inBody, depth + 1);
            if (item.isEmpty()) {
                return Optional.empty();
            }
            array.add(item.get());
        }
        return Optional.of(array);
    }

    private ObjectNode object(String at, JsonNode schema, boolean inBody, int depth) {
        ObjectNode object = NODES.objectNode();
        List<String> required = required(schema);
        for (String name : writableProperties(schema)) {
            if (required.contains(name) || random.nextBoolean()) {
                generateAt(at + "/properties/" + escape(name), inBody, depth + 1).ifPresent(v -> object.set(name, v));
            }
        }
        // JSON Schema allows members it does not name unless additionalProperties says otherwise; so may a client.
        boolean extrasAllowed = !schema.has("additionalProperties")
                || schema.get("additionalProperties").equals(NODES.booleanNode(true));
        if (extrasAllowed && !schema.has("unevaluatedProperties") && random.nextInt(4) == 0) {
            object.put("conformanceExtra", letters(6));
        }
        return object;
    }

    private String letters(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return text.toString();
    }

    private Instant randomInstant() {
        return Instant.parse("2020-01-01T00:00:00Z").plus(random.nextInt(2_000), ChronoUnit.DAYS)
                .plusSeconds(random.nextInt(86_400));
    }

    static List<String> types(JsonNode schema) {
        List<String> types = new ArrayList<>();
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            types.add(type.asText());
        } else {
            type.forEach(t -> types.add(t.asText()));
        }
        return types;
    }

    static List<String> required(JsonNode schema) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        return required;
    }

    /** Properties a client may send: OpenAPI's {@code readOnly} ones belong to responses only. */
    private List<String> writableProperties(JsonNode schema) {
        List<String> names = new ArrayList<>();
        schema.path("properties").fields().forEachRemaining(property -> {
            JsonNode resolved = property.getValue().has("$ref") ? null : property.getValue();
            if (resolved == null || !resolved.path("readOnly").asBoolean(false)) {
                names.add(property.getKey());
            }
        });
        return names;
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
