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
        BigDecimal lower = null;
        boolean lowerExclusive = false;
        if (schema.path("minimum").isNumber()) {
            lower = schema.get("minimum").decimalValue();
            lowerExclusive = schema.path("exclusiveMinimum").asBoolean(false) && schema.get("exclusiveMinimum").isBoolean();
        }
        if (schema.path("exclusiveMinimum").isNumber()) {
            BigDecimal exclusive = schema.get("exclusiveMinimum").decimalValue();
            if (lower == null || exclusive.compareTo(lower) >= 0) {
                lower = exclusive;
                lowerExclusive = true;
            }
        }
        BigDecimal upper = null;
        boolean upperExclusive = false;
        if (schema.path("maximum").isNumber()) {
            upper = schema.get("maximum").decimalValue();
            upperExclusive = schema.path("exclusiveMaximum").asBoolean(false) && schema.get("exclusiveMaximum").isBoolean();
        }
        if (schema.path("exclusiveMaximum").isNumber()) {
            BigDecimal exclusive = schema.get("exclusiveMaximum").decimalValue();
            if (upper == null || exclusive.compareTo(upper) <= 0) {
                upper = exclusive;
                upperExclusive = true;
            }
        }
        // Without bounds the generator keeps to small positive values, as a server's own examples do.
        if (lower == null) {
            lower = upper == null || upper.compareTo(BigDecimal.ONE) >= 0 ? BigDecimal.ONE : upper.subtract(SPAN);
        }
        if (upper == null) {
            upper = lower.add(SPAN);
        }
        BigDecimal step = schema.path("multipleOf").isNumber() && schema.get("multipleOf").decimalValue().signum() > 0
                ? schema.get("multipleOf").decimalValue() : integer ? BigDecimal.ONE : HUNDREDTH;
        return new NumberBounds(lower, lowerExclusive, upper, upperExclusive, integer ? integral(step) : step);
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
