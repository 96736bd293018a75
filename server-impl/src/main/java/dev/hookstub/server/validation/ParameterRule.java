package dev.hookstub.server.validation;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One declared path or query parameter: its raw string value is coerced to the schema's type, then validated.
 *
 * @param typeOnly whether the schema asserts nothing but its {@code type} (see {@link #assertsOnlyType})
 * @param schema   the compiled schema, compiled when first asked for
 */
record ParameterRule(String name, String in, boolean required, Set<String> types, boolean typeOnly,
                     Supplier<Schema> schema) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final java.util.regex.Pattern INTEGER = java.util.regex.Pattern.compile("-?\\d{1,400}");
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("-?\\d{1,400}(\\.\\d{1,400})?([eE][-+]?\\d{1,4})?");
    /** Keywords that assert nothing of a value (OpenAPI's annotations), beside {@code type}. */
    private static final Set<String> ANNOTATIONS = Set.of("type", "description", "title", "example", "examples",
            "deprecated");

    /**
     * A value whose coerced type the schema names passes a schema that asserts only its type: that is all the schema
     * could check. The JSON Schema library is asked only otherwise, and it alone words a refusal. A start's first
     * read of such a parameter then waits for neither the library nor its compilation of the schema.
     */
    List<Error> validate(String raw) {
        JsonNode value = coerce(raw);
        if (typeOnly && (types.isEmpty() || types.contains(typeOf(value))
                || value.isIntegralNumber() && types.contains("number"))) {
            return List.of();
        }
        return schema.get().validate(value);
    }

    /** Whether a parameter's schema has no keyword beyond {@code type} and annotations ({@code x-} extensions too). */
    static boolean assertsOnlyType(com.fasterxml.jackson.databind.JsonNode schema) {
        if (!schema.isObject()) {
            return false;
        }
        for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ANNOTATIONS.contains(name) && !name.startsWith("x-")) {
                return false;
            }
        }
        return true;
    }

    private static String typeOf(JsonNode value) {
        return value.isIntegralNumber() ? "integer" : value.isNumber() ? "number" : value.isBoolean() ? "boolean"
                : "string";
    }

    /** Strings that do not read as the declared type stay strings, so that the schema reports the type error. */
    private JsonNode coerce(String raw) {
        if (types.contains("integer") && INTEGER.matcher(raw).matches()) {
            return NODES.numberNode(new BigInteger(raw));
        }
        if (types.contains("number") && NUMBER.matcher(raw).matches()) {
            return NODES.numberNode(new BigDecimal(raw));
        }
        if (types.contains("boolean") && (raw.equals("true") || raw.equals("false"))) {
            return NODES.booleanNode(Boolean.parseBoolean(raw));
        }
        return NODES.stringNode(raw);
    }
}
