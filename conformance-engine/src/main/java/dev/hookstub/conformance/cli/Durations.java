package dev.hookstub.conformance.cli;

import dev.hookstub.conformance.cli.CheckCommand.UsageException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as a person writes them on a command line: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}; a bare number is seconds. */
public final class Durations {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private Durations() {
    }

    public static Duration parse(String option, String text) throws UsageException {
        Matcher matcher = DURATION.matcher(text.trim());
        if (!matcher.matches()) {
            throw new UsageException(option + " must be a duration such as 500ms, 5s or 2m, got '" + text + "'");
        }
        long amount;
        try {
            amount = Long.parseLong(matcher.group(1));
        } catch (NumberFormatException e) {
            throw new UsageException(option + " out of range: " + text);
        }
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        Duration duration = switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
        if (duration.isZero()) {
            throw new UsageException(option + " must be more than zero");
        }
        return duration;
    }
}
