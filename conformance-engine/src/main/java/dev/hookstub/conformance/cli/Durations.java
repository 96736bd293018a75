package dev.hookstub.conformance.cli;

import dev.hookstub.conformance.cli.CheckCommand.UsageException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as a person writes them on a command line: {@code 500ms}, {@code 5s}, {@code 1.5s}, {@code 2m},
 * {@code 1h}; a bare number is seconds, as curl's {@code --max-time} reads it ({@code 0.5} too).
 */
public final class Durations {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");
    private static final BigInteger LONGEST = BigInteger.valueOf(Long.MAX_VALUE);

    private Durations() {
    }

    public static Duration parse(String option, String text) throws UsageException {
        Matcher matcher = DURATION.matcher(text.trim());
        if (!matcher.matches()) {
            throw new UsageException(option + " must be a duration such as 500ms, 5s, 1.5 or 2m, got '" + text + "'");
        }
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        long nanosPerUnit = switch (unit) {
            case "ms" -> 1_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 1_000_000_000L;
        };
        BigInteger nanos = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(nanosPerUnit)).toBigInteger();
        if (nanos.compareTo(LONGEST) > 0) {
            throw new UsageException(option + " out of range: " + text);
        }
        Duration duration = Duration.ofNanos(nanos.longValue());
        if (duration.isZero()) {
            throw new UsageException(option + " must be more than zero");
        }
        return duration;
    }
}
