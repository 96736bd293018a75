package dev.hookstub.openapi.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * A numeric bound as both dialects write it: OpenAPI 3.0's {@code minimum} with a boolean
 * {@code exclusiveMinimum}, and 3.1's (JSON Schema 2020-12's) numeric {@code exclusiveMinimum}. Either reads as a
 * value and whether the value itself is allowed.
 */
record Bound(BigDecimal value, boolean exclusive) {

    /** The lower bound {@code schema} sets, or null. */
    static Bound lower(JsonNode schema) {
        return read(schema, "minimum", "exclusiveMinimum", 1);
    }

    /** The upper bound {@code schema} sets, or null. */
    static Bound upper(JsonNode schema) {
        return read(schema, "maximum", "exclusiveMaximum", -1);
    }

    /**
     * @param sign 1 for a lower bound (a higher value is tighter), -1 for an upper one
     */
    private static Bound read(JsonNode schema, String inclusiveKeyword, String exclusiveKeyword, int sign) {
        JsonNode inclusive = schema.get(inclusiveKeyword);
        JsonNode exclusive = schema.get(exclusiveKeyword);
        Bound fromInclusive = inclusive != null && inclusive.isNumber()
                ? new Bound(inclusive.decimalValue(), exclusive != null && exclusive.asBoolean(false)) : null;
        Bound fromExclusive = exclusive != null && exclusive.isNumber() ? new Bound(exclusive.decimalValue(), true)
                : null;
        return tighter(fromInclusive, fromExclusive, sign);
    }

    /** Of two bounds of one side, the one that allows less; a null bound allows everything. */
    static Bound tighter(Bound a, Bound b, int sign) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.compareTightness(b, sign) >= 0 ? a : b;
    }

    /** Positive when this bound allows less than {@code other} (null: no bound). */
    int compareTightness(Bound other, int sign) {
        if (other == null) {
            return 1;
        }
        int byValue = value.compareTo(other.value) * sign;
        if (byValue != 0) {
            return byValue;
        }
        return Boolean.compare(exclusive, other.exclusive);
    }

    boolean sameAs(Bound other) {
        return other != null && value.compareTo(other.value) == 0 && exclusive == other.exclusive;
    }

    String show(int sign) {
        return (sign > 0 ? (exclusive ? "> " : ">= ") : (exclusive ? "< " : "<= ")) + value.toPlainString();
    }
}
