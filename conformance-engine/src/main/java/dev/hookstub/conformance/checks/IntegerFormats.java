package dev.hookstub.conformance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.openapi.JsonPointers;
import dev.hookstub.openapi.OpenApiSpec;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;

/**
 * OpenAPI's {@code int32} and {@code int64} as the ranges they name. The schema validator leaves integer formats
 * alone, so without this a generated 2147483648 passed for an {@code int32} and a server rightly refused it.
 */
final class IntegerFormats {

    private static final BigInteger INT32_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT32_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final int MAX_DEPTH = 16;

    private IntegerFormats() {
    }

    /** Whether every integer in {@code value} fits the format its schema at {@code pointer} names. */
    static boolean allow(OpenApiSpec spec, String pointer, JsonNode value, int depth) {
        if (depth > MAX_DEPTH || value == null) {
            return true;
        }
        String at = spec.resolve(pointer);
        JsonNode schema = spec.node(at);
        if (value.isIntegralNumber() && !fits(schema.path("format").asText(""), value.bigIntegerValue())) {
            return false;
        }
        if (value.isObject() && schema.has("properties")) {
            Iterator<Map.Entry<String, JsonNode>> members = value.fields();
            while (members.hasNext()) {
                Map.Entry<String, JsonNode> member = members.next();
                String property = at + "/properties/" + JsonPointers.escape(member.getKey());
                if (schema.path("properties").has(member.getKey())
                        && !allow(spec, property, member.getValue(), depth + 1)) {
                    return false;
                }
            }
        }
        if (value.isArray() && schema.has("items") && schema.get("items").isObject()) {
            for (JsonNode item : value) {
                if (!allow(spec, at + "/items", item, depth + 1)) {
                    return false;
                }
            }
        }
        for (int i = 0; i < schema.path("allOf").size(); i++) {
            if (!allow(spec, at + "/allOf/" + i, value, depth + 1)) {
                return false;
            }
        }
        for (String choice : new String[] {"oneOf", "anyOf"}) {
            JsonNode branches = schema.path(choice);
            if (branches.size() > 0) {
                boolean any = false;
                for (int i = 0; i < branches.size() && !any; i++) {
                    any = allow(spec, at + "/" + choice + "/" + i, value, depth + 1);
                }
                if (!any) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean fits(String format, BigInteger value) {
        BigInteger[] range = range(format);
        return range == null || value.compareTo(range[0]) >= 0 && value.compareTo(range[1]) <= 0;
    }

    /** The lowest and highest value an integer format names, or null for a format that names no range. */
    static BigInteger[] range(String format) {
        return switch (format) {
            case "int32" -> new BigInteger[] {INT32_MIN, INT32_MAX};
            case "int64" -> new BigInteger[] {INT64_MIN, INT64_MAX};
            default -> null;
        };
    }
}
