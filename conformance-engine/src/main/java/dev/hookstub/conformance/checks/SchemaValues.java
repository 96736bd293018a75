package dev.hookstub.conformance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hookstub.openapi.BoundedMatch;
import dev.hookstub.openapi.JsonPointers;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.SchemaCatalog.Direction;
import dev.hookstub.openapi.SchemaTypes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Valid values for a schema of a spec, read from its whole meaning in OpenAPI 3.0 and 3.1: {@code $ref},
 * {@code allOf} (every branch, merged), {@code oneOf} and {@code anyOf} (a branch that the whole schema then accepts),
 * {@code const} and {@code enum}, type lists and 3.0's {@code nullable}, number bounds and integer formats, string
 * formats, {@code pattern} (strings generated from the expression), lengths, arrays and tuples, objects with their
 * required and some optional properties, and {@code readOnly} and {@code writeOnly} by the side of the exchange.
 *
 * <p>Every value handed out has been checked against the schema by the validator (with the same side's excuses for
 * read-only and write-only properties), and integers against their format's range, which the validator leaves alone;
 * what cannot be made valid is not handed out. The spec's own examples are used where generation fails, but only
 * those that are valid themselves.
 */
final class SchemaValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";
    /** Valid but awkward strings: spaces, non-ASCII, URL-special characters, length. Never a '/' (it splits a path). */
    private static final List<String> AWKWARD_STRINGS = List.of(
            "a b", "\u00fcn\u00efc\u00f6d\u00e9", "100%", "semi;colon", "dot.dot", "~tilde", "quote'", "plus+sign",
            "amp&er=sand", "x".repeat(300));
    /** Valid integers where servers that parse into int or long break (see {@link #boundaries}). */
    private static final List<BigInteger> EDGE_INTEGERS = List.of(BigInteger.ZERO, BigInteger.valueOf(-1),
            BigInteger.valueOf(Integer.MAX_VALUE).add(BigInteger.ONE), BigInteger.valueOf(Long.MAX_VALUE),
            BigInteger.TWO.pow(64));
    private static final int MAX_DEPTH = 10;
    private static final int ATTEMPTS = 4;

    private final OpenApiSpec spec;
    private final Random random;
    private final PatternStrings patterns;

    SchemaValues(OpenApiSpec spec, Random random) {
        this.spec = spec;
        this.random = random;
        this.patterns = new PatternStrings(random);
    }

    /** Whether {@code value} is valid for the schema at {@code pointer}, seen from {@code side}. */
    boolean valid(String pointer, JsonNode value, Direction side) {
        return spec.schemas().conforms(pointer, value, side) && IntegerFormats.allow(spec, pointer, value, 0);
    }

    /** The spec's examples for the schema, in order, that are valid for it. */
    List<JsonNode> examples(String pointer, Direction side) {
        List<JsonNode> found = new ArrayList<>();
        JsonNode schema = schema(pointer);
        if (schema.has("example")) {
            found.add(schema.get("example"));
        }
        if (schema.path("examples").isArray()) {
            schema.get("examples").forEach(found::add);
        }
        if (schema.has("default")) {
            found.add(schema.get("default"));
        }
        exampleOfProperties(pointer, side).ifPresent(found::add);
        return found.stream().filter(value -> valid(pointer, value, side)).toList();
    }

    /** The first valid example of the schema, if the spec gives one. */
    Optional<JsonNode> example(String pointer, Direction side) {
        return examples(pointer, side).stream().findFirst();
    }

    /**
     * The spec's example as written, valid or not: an example record only has to name the record to read, and a spec
     * whose schema has moved on from its example (a new required member) must still be checked against the server.
     */
    Optional<JsonNode> exampleAsWritten(String pointer) {
        JsonNode schema = schema(pointer);
        if (schema.has("example")) {
            return Optional.of(schema.get("example"));
        }
        if (schema.path("examples").isArray() && !schema.get("examples").isEmpty()) {
            return Optional.of(schema.get("examples").get(0));
        }
        return exampleOfProperties(pointer, Direction.RESPONSE);
    }

    /** A generated valid value, or a valid example when generation cannot satisfy the schema; empty when neither can. */
    Optional<JsonNode> generate(String pointer, Direction side) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<JsonNode> made = make(pointer, side, 0);
            if (made.isPresent() && valid(pointer, made.get(), side)) {
                return made;
            }
        }
        return example(pointer, side);
    }

    /**
     * Valid values at the edges, the same for every seed: for an integer, 0, -1 and the first values that no longer fit
     * a 32-bit or 64-bit integer (within the schema's bounds and format); for a string, its minimum and maximum lengths.
     */
    List<JsonNode> boundaries(String pointer) {
        JsonNode schema = schema(pointer);
        List<JsonNode> candidates = new ArrayList<>();
        List<String> types = SchemaTypes.declared(schema);
        if (schema.has("enum") || schema.has("const")) {
            return List.of();
        }
        if (types.contains("integer")) {
            EDGE_INTEGERS.forEach(edge -> candidates.add(NODES.numberNode(edge)));
        }
        if (types.contains("string") && !schema.has("pattern") && !schema.has("format")) {
            if (schema.has("maxLength")) {
                candidates.add(TextNode.valueOf("x".repeat(Math.min(schema.get("maxLength").asInt(), 100_000))));
            }
            if (schema.path("minLength").asInt(0) > 1) {
                candidates.add(TextNode.valueOf("x".repeat(schema.get("minLength").asInt())));
            }
        }
        return candidates.stream().filter(value -> valid(pointer, value, Direction.REQUEST)).toList();
    }

    /** The pattern of the string schema at {@code pointer}, if it has one. */
    Optional<String> patternOf(String pointer) {
        JsonNode pattern = schema(pointer).path("pattern");
        return pattern.isTextual() ? Optional.of(pattern.asText()) : Optional.empty();
    }

    private JsonNode schema(String pointer) {
        return spec.node(spec.resolve(pointer));
    }

    private Optional<JsonNode> exampleOfProperties(String pointer, Direction side) {
        String at = spec.resolve(pointer);
        JsonNode schema = spec.node(at);
        if (!schema.has("properties")) {
            return Optional.empty();
        }
        ObjectNode object = NODES.objectNode();
        boolean any = false;
        Iterator<String> names = schema.get("properties").fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            String property = at + "/properties/" + JsonPointers.escape(name);
            JsonNode resolved = schema(property);
            if (hidden(resolved, side)) {
                continue;
            }
            JsonNode value = resolved.has("example") ? resolved.get("example")
                    : resolved.path("examples").isArray() && !resolved.get("examples").isEmpty()
                    ? resolved.get("examples").get(0) : null;
            if (value != null) {
                object.set(name, value);
                any = true;
            } else if (required(schema).contains(name)) {
                Optional<JsonNode> made = make(property, side, 1);
                if (made.isEmpty()) {
                    return Optional.empty();
                }
                object.set(name, made.get());
            }
        }
        return any ? Optional.of(object) : Optional.empty();
    }

    private Optional<JsonNode> make(String pointer, Direction side, int depth) {
        String at = spec.resolve(pointer);
        JsonNode schema = spec.node(at);
        if (depth > MAX_DEPTH) {
            return Optional.empty();
        }
        if (schema.isBoolean()) {
            return schema.booleanValue() ? Optional.of(TextNode.valueOf(letters(6))) : Optional.empty();
        }
        if (schema.has("const")) {
            return Optional.of(schema.get("const"));
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            List<JsonNode> options = new ArrayList<>();
            schema.get("enum").forEach(options::add);
            List<JsonNode> nonNull = options.stream().filter(value -> !value.isNull()).toList();
            List<JsonNode> pool = nonNull.isEmpty() ? options : nonNull;
            return Optional.of(pool.get(random.nextInt(pool.size())));
        }
        Optional<JsonNode> own = makeOwn(at, schema, side, depth);
        if (schema.has("allOf")) {
            own = mergeAllOf(at, schema, own, side, depth);
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (schema.path(choice).isArray() && !schema.path(choice).isEmpty()) {
                own = withBranch(at, choice, schema.get(choice).size(), own, side, depth);
            }
        }
        return own;
    }

    /** The value the schema's own keywords describe, before any combinator. */
    private Optional<JsonNode> makeOwn(String at, JsonNode schema, Direction side, int depth) {
        List<String> types = new ArrayList<>(SchemaTypes.declared(schema));
        boolean combined = schema.has("allOf") || schema.has("oneOf") || schema.has("anyOf");
        if (types.isEmpty()) {
            if (schema.has("properties") || schema.has("additionalProperties") || schema.has("required")) {
                types.add("object");
            } else if (schema.has("items") || schema.has("prefixItems")) {
                types.add("array");
            } else if (combined) {
                return Optional.empty();
            } else if (schema.has("minimum") || schema.has("maximum")) {
                types.add("number");
            } else {
                types.add("string");
            }
        }
        List<String> nonNull = types.stream().filter(type -> !type.equals("null")).toList();
        String type = nonNull.isEmpty() ? "null" : nonNull.get(random.nextInt(nonNull.size()));
        return switch (type) {
            case "null" -> Optional.of(NODES.nullNode());
            case "boolean" -> Optional.of(NODES.booleanNode(random.nextBoolean()));
            case "integer" -> NumberBounds.of(schema, true).random(random)
                    .map(value -> NODES.numberNode(value.toBigIntegerExact()));
            // As drawn, in the step's scale: the node factory would strip 100.00 to 1E+2.
            case "number" -> NumberBounds.of(schema, false).random(random).map(DecimalNode::valueOf);
            case "string" -> string(schema, side, depth > 0);
            case "array" -> array(at, schema, side, depth);
            case "object" -> object(at, schema, side, depth);
            default -> Optional.empty();
        };
    }

    private Optional<JsonNode> mergeAllOf(String at, JsonNode schema, Optional<JsonNode> own, Direction side, int depth) {
        JsonNode merged = own.orElse(null);
        for (int i = 0; i < schema.get("allOf").size(); i++) {
            Optional<JsonNode> part = make(at + "/allOf/" + i, side, depth + 1);
            if (part.isEmpty()) {
                return Optional.empty();
            }
            merged = merge(merged, part.get());
        }
        return Optional.ofNullable(merged);
    }

    /** A branch of {@code oneOf}/{@code anyOf}, tried in random order until the whole schema accepts the result. */
    private Optional<JsonNode> withBranch(String at, String choice, int branches, Optional<JsonNode> own,
                                          Direction side, int depth) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < branches; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, random);
        Optional<JsonNode> fallback = Optional.empty();
        for (int branch : order) {
            Optional<JsonNode> part = make(at + "/" + choice + "/" + branch, side, depth + 1);
            if (part.isEmpty()) {
                continue;
            }
            JsonNode base = own.isPresent() ? own.get().deepCopy() : null;
            JsonNode candidate = merge(base, part.get());
            if (depth > 0 || valid(at, candidate, side)) {
                return Optional.of(candidate);
            }
            if (fallback.isEmpty()) {
                fallback = Optional.of(candidate);
            }
        }
        return fallback;
    }

    /** Objects merged member by member (the later wins); anything else: the later value. */
    private static JsonNode merge(JsonNode base, JsonNode addition) {
        if (base instanceof ObjectNode object && addition instanceof ObjectNode extra) {
            ObjectNode merged = object.deepCopy();
            extra.fields().forEachRemaining(member -> merged.set(member.getKey(),
                    merge(merged.get(member.getKey()), member.getValue())));
            return merged;
        }
        return addition == null ? base : addition;
    }

    private Optional<JsonNode> string(JsonNode schema, Direction side, boolean inBody) {
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").isNumber() ? schema.get("maxLength").asInt() : Integer.MAX_VALUE;
        String format = schema.path("format").asText("");
        Optional<String> formatted = formatted(format);
        if (formatted.isPresent()) {
            if (fits(formatted.get(), schema, min, max)) {
                return formatted.map(TextNode::valueOf);
            }
            // A format with a rule of the schema's own beside it (a length, a pattern): another of its shapes, or
            // what the pattern makes.
            Optional<String> other = otherShapes(format, min, max).stream()
                    .filter(shape -> fits(shape, schema, min, max)).findFirst();
            if (other.isPresent() || !schema.has("pattern")) {
                return other.map(TextNode::valueOf);
            }
        }
        if (schema.has("pattern")) {
            Optional<JsonNode> matching = patterns.matching(schema.get("pattern").asText(), min, max)
                    .map(TextNode::valueOf);
            return matching.or(() -> Optional.ofNullable(schema.get("example")));
        }
        if (side == Direction.REQUEST && inBody && schema.has("example")) {
            // A string the schema does not constrain takes the spec's example inside a request body: specs put some
            // rules only in prose (MijnKlantportaal's event type, an absolute URL), and a random string would break
            // a rule the schema cannot show. Parameters get random strings: a valid but unknown id is what they test.
            return Optional.of(schema.get("example"));
        }
        if (random.nextInt(4) == 0) {
            String awkward = AWKWARD_STRINGS.get(random.nextInt(AWKWARD_STRINGS.size()));
            if (awkward.length() >= min && awkward.length() <= max) {
                return Optional.of(TextNode.valueOf(awkward));
            }
        }
        int low = Math.max(1, min);
        int high = Math.max(low, Math.min(max, low + 16));
        return Optional.of(TextNode.valueOf(letters(low + random.nextInt(high - low + 1))));
    }

    private static boolean fits(String value, JsonNode schema, int min, int max) {
        int length = value.codePointCount(0, value.length());
        // The pattern as the validator matches it: within bounds, and one no engine reads holds no value (adr/014).
        return length >= min && length <= max
                && (!schema.has("pattern") || BoundedMatch.of(schema.get("pattern").asText()).matches(value));
    }

    /** More values of a format, short and long, for a schema that asks more of it than the usual one gives. */
    private List<String> otherShapes(String format, int min, int max) {
        int padding = Math.max(1, Math.min(60, min - 12));
        return switch (format) {
            case "email", "idn-email" -> List.of("a@b.co", "alice@example.test", "x@example.com",
                    letters(padding) + "@example.com", letters(Math.max(1, Math.min(63, max - 12))) + "@example.com");
            case "hostname", "idn-hostname" -> List.of("a.test", "example.test", "localhost",
                    letters(padding) + ".example.com");
            default -> List.of();
        };
    }

    private Optional<String> formatted(String format) {
        Instant instant = randomInstant();
        return Optional.ofNullable(switch (format) {
            case "uuid" -> {
                byte[] bytes = new byte[16];
                random.nextBytes(bytes);
                yield UUID.nameUUIDFromBytes(bytes).toString();
            }
            case "date-time" -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
            case "date" -> instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
            case "time" -> instant.atOffset(ZoneOffset.UTC).toLocalTime().withNano(0) + "Z";
            case "email", "idn-email" -> "conformance+" + letters(6) + "@example.com";
            case "uri", "url", "iri" -> "https://example.com/conformance/" + letters(8);
            case "uri-reference", "iri-reference" -> "/conformance/" + letters(8);
            case "hostname", "idn-hostname" -> letters(8) + ".example.com";
            case "ipv4" -> "192.0.2." + (1 + random.nextInt(254));
            case "ipv6" -> "2001:db8::" + Integer.toHexString(1 + random.nextInt(0xfffe));
            case "byte" -> Base64.getEncoder().encodeToString(letters(9).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            case "duration" -> "P" + (1 + random.nextInt(30)) + "D";
            case "json-pointer" -> "/" + letters(5);
            case "regex" -> "^" + letters(4) + "$";
            default -> null;
        });
    }

    private Optional<JsonNode> array(String at, JsonNode schema, Direction side, int depth) {
        ArrayNode array = NODES.arrayNode();
        JsonNode prefix = schema.path("prefixItems");
        for (int i = 0; i < prefix.size(); i++) {
            Optional<JsonNode> item = make(at + "/prefixItems/" + i, side, depth + 1);
            if (item.isEmpty()) {
                return Optional.empty();
            }
            array.add(item.get());
        }
        int min = Math.max(schema.path("minItems").asInt(0), array.size());
        int max = Math.max(min, Math.min(schema.path("maxItems").asInt(min + 2), min + 2));
        int size = depth >= MAX_DEPTH - 2 ? min : min + random.nextInt(max - min + 1);
        boolean unique = schema.path("uniqueItems").asBoolean(false);
        Set<JsonNode> seen = new LinkedHashSet<>();
        array.forEach(seen::add);
        boolean itemsDeclared = schema.has("items") && !schema.get("items").isBoolean();
        for (int tries = 0; array.size() < size && tries < size * 4 + 4; tries++) {
            Optional<JsonNode> item = itemsDeclared ? make(at + "/items", side, depth + 1)
                    : Optional.of(TextNode.valueOf(letters(5)));
            if (item.isEmpty()) {
                return Optional.empty();
            }
            if (!unique || seen.add(item.get())) {
                array.add(item.get());
            }
        }
        return array.size() >= min ? Optional.of(array) : Optional.empty();
    }

    private Optional<JsonNode> object(String at, JsonNode schema, Direction side, int depth) {
        ObjectNode object = NODES.objectNode();
        List<String> required = required(schema);
        JsonNode properties = schema.path("properties");
        Iterator<Map.Entry<String, JsonNode>> members = properties.fields();
        List<String> optional = new ArrayList<>();
        while (members.hasNext()) {
            String name = members.next().getKey();
            String property = at + "/properties/" + JsonPointers.escape(name);
            if (hidden(schema(property), side)) {
                continue;
            }
            if (required.contains(name)) {
                Optional<JsonNode> value = make(property, side, depth + 1);
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                object.set(name, value.get());
            } else {
                optional.add(name);
            }
        }
        // Required names without a property schema: any value will do.
        for (String name : required) {
            if (!object.has(name) && !properties.has(name)) {
                object.put(name, letters(6));
            }
        }
        int minProperties = schema.path("minProperties").asInt(0);
        for (String name : optional) {
            boolean wanted = depth < MAX_DEPTH - 3 && random.nextBoolean() || object.size() < minProperties;
            if (wanted) {
                make(at + "/properties/" + JsonPointers.escape(name), side, depth + 1).ifPresent(value -> object.set(name, value));
            }
        }
        JsonNode extra = schema.path("additionalProperties");
        if (extra.isObject() && (object.size() < minProperties || random.nextInt(4) == 0)) {
            make(at + "/additionalProperties", side, depth + 1).ifPresent(value -> object.set("extra" + letters(4), value));
        } else if (side == Direction.REQUEST && extra.isMissingNode() && !schema.has("unevaluatedProperties")
                && random.nextInt(4) == 0) {
            // JSON Schema allows members it does not name unless additionalProperties says otherwise; so may a client.
            object.put("conformanceExtra", letters(6));
        }
        return Optional.of(object);
    }

    /** Properties the other side owns: {@code readOnly} ones are sent by servers only, {@code writeOnly} by clients. */
    private static boolean hidden(JsonNode property, Direction side) {
        return side == Direction.REQUEST && property.path("readOnly").asBoolean(false)
                || side == Direction.RESPONSE && property.path("writeOnly").asBoolean(false);
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

    static List<String> required(JsonNode schema) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        return required;
    }

}
