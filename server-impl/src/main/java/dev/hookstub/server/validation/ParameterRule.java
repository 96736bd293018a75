package dev.hookstub.server.validation;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** One declared path or query parameter: its raw string value is coerced to the schema's type, then validated. */
record ParameterRule(String name, String in, boolean required, Set<String> types, Schema schema) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final java.util.regex.Pattern INTEGER = java.util.regex.Pattern.compile("-?\\d{1,400}");
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("-?\\d{1,400}(\\.\\d{1,400})?([eE][-+]?\\d{1,4})?");

    List<Error> validate(String raw) {
        return schema.validate(coerce(raw));
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
