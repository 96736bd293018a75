package dev.hookstub.conformance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.Random;

/**
 * The values a numeric schema allows, and a random one of them. Bounds may lie anywhere ({@code int64}'s full range,
 * or beyond it), so the arithmetic is exact: a {@code long} overflowed and the generator gave up on such schemas.
 * OpenAPI 3.0 writes an exclusive bound as {@code exclusiveMinimum: true} beside {@code minimum}; 3.1 (JSON Schema
 * 2020-12) as a number of its own; both are read, and the tighter bound wins.
 */
record NumberBounds(BigDecimal lower, boolean lowerExclusive, BigDecimal upper, boolean upperExclusive,
                    BigDecimal step) {

    /** A number the schema does not step is drawn in hundredths. */
    private static final BigDecimal HUNDREDTH = new BigDecimal("0.01");
    /** How far an unbounded side reaches from the other: the generator's range when the schema gives none. */
    private static final BigDecimal SPAN = BigDecimal.valueOf(999_999);

    static NumberBounds of(JsonNode schema, boolean integer) {
        Bound low = bound(schema, "minimum", "exclusiveMinimum", 1);
        Bound high = bound(schema, "maximum", "exclusiveMaximum", -1);
        BigDecimal lower = low.value();
        BigDecimal upper = high.value();
        // Without bounds the generator keeps to small positive values, as a server's own examples do.
        if (lower == null) {
            lower = upper == null || upper.compareTo(BigDecimal.ONE) >= 0 ? BigDecimal.ONE : upper.subtract(SPAN);
        }
        if (upper == null) {
            upper = lower.add(SPAN);
        }
        // An integer format clamps whatever range results: int32 holds no 2^31, whatever the bounds say.
        BigDecimal formatLow = formatBound(schema, true).value();
        BigDecimal formatHigh = formatBound(schema, false).value();
        if (formatLow != null) {
            lower = lower.max(formatLow);
            upper = upper.min(formatHigh);
        }
        BigDecimal step = schema.path("multipleOf").isNumber() && schema.get("multipleOf").decimalValue().signum() > 0
                ? schema.get("multipleOf").decimalValue() : integer ? BigDecimal.ONE : HUNDREDTH;
        return new NumberBounds(lower, low.exclusive(), upper, high.exclusive(), integer ? integral(step) : step);
    }

    private record Bound(BigDecimal value, boolean exclusive) {
    }

    /**
     * One side's bound: the inclusive keyword (exclusive when 3.0's flag beside it says so), or 3.1's exclusive one,
     * whichever is tighter; {@code tighter} is 1 when a greater value is tighter (a lower bound), else -1.
     */
    private static Bound bound(JsonNode schema, String inclusive, String exclusive, int tighter) {
        BigDecimal value = null;
        boolean isExclusive = false;
        if (schema.path(inclusive).isNumber()) {
            value = schema.get(inclusive).decimalValue();
            isExclusive = schema.path(exclusive).isBoolean() && schema.get(exclusive).booleanValue();
        }
        if (schema.path(exclusive).isNumber()) {
            BigDecimal other = schema.get(exclusive).decimalValue();
            if (value == null || other.compareTo(value) * tighter >= 0) {
                value = other;
                isExclusive = true;
            }
        }
        return new Bound(value, isExclusive);
    }

    /** {@code int32} and {@code int64} bound a value as tightly as {@code minimum} and {@code maximum} do. */
    private static Bound formatBound(JsonNode schema, boolean lower) {
        BigInteger[] range = IntegerFormats.range(schema.path("format").asText(""));
        return new Bound(range == null ? null : new BigDecimal(range[lower ? 0 : 1]), false);
    }

    /** The smallest step that is a whole number and a multiple of the step: for u / 10^k, u / gcd(u, 10^k). */
    private static BigDecimal integral(BigDecimal step) {
        BigDecimal stripped = step.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return new BigDecimal(stripped.toBigIntegerExact());
        }
        BigInteger unscaled = stripped.unscaledValue();
        return new BigDecimal(unscaled.divide(unscaled.gcd(BigInteger.TEN.pow(stripped.scale()))));
    }

    /** A random multiple of the step within the bounds; empty when no multiple of it lies within them. */
    Optional<BigDecimal> random(Random random) {
        BigInteger first = lower.divide(step, 0, RoundingMode.CEILING).toBigIntegerExact();
        if (lowerExclusive && new BigDecimal(first).multiply(step).compareTo(lower) == 0) {
            first = first.add(BigInteger.ONE);
        }
        BigInteger last = upper.divide(step, 0, RoundingMode.FLOOR).toBigIntegerExact();
        if (upperExclusive && new BigDecimal(last).multiply(step).compareTo(upper) == 0) {
            last = last.subtract(BigInteger.ONE);
        }
        if (first.compareTo(last) > 0) {
            return Optional.empty();
        }
        BigInteger count = last.subtract(first).add(BigInteger.ONE);
        BigInteger pick;
        do {
            pick = new BigInteger(count.bitLength(), random);
        } while (pick.compareTo(count) >= 0);
        return Optional.of(new BigDecimal(first.add(pick)).multiply(step));
    }
}
