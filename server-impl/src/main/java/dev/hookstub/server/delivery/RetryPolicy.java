package dev.hookstub.server.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What an attempt's outcome makes of a delivery, per provider: succeeded on a 2xx, gone on a 410, failed when its
 * attempts are spent or the API's {@link RetrySchedule} does not retry that answer, else pending until the
 * schedule's next wait; a receiver's {@code Retry-After} on 429 or 503 can only push that later.
 */
final class RetryPolicy {

    /** The most a receiver's {@code Retry-After} may put off the next attempt: a typo must not park it for a year. */
    static final Duration RETRY_AFTER_CAP = Duration.ofHours(1);

    private final Map<String, RetrySchedule> schedules;

    RetryPolicy(Map<String, WebhookDeliveries> apis, DeliveryOptions options) {
        Map<String, RetrySchedule> bySchedule = new HashMap<>();
        apis.forEach((api, deliveries) -> bySchedule.put(api, options.scheduleFor(deliveries)));
        this.schedules = Map.copyOf(bySchedule);
    }

    /** How many retries the API's schedule allows after the first attempt. */
    int retries(String api) {
        return schedules.get(api).retries();
    }

    /** The delivery after an attempt that began at {@code started} and took {@code millis}; {@code now} by the clock. */
    Delivery after(Delivery delivery, AttemptOutcome outcome, Instant started, long millis, Instant now) {
        int attempts = delivery.attempts() + 1;
        RetrySchedule schedule = schedules.get(delivery.api());
        if (outcome.code() != null && outcome.code() / 100 == 2) {
            return delivery.attempted(DeliveryStatus.SUCCEEDED, outcome.code(), null, started, millis, null);
        } else if (outcome.code() != null && outcome.code() == 410) {
            return delivery.attempted(DeliveryStatus.GONE, 410, outcome.error(), started, millis, null);
        } else if (attempts >= delivery.attemptLimit() || outcome.final_()
                || !schedule.retriesAfter(outcome.code())) {
            return delivery.attempted(DeliveryStatus.FAILED, outcome.code(), outcome.error(), started, millis, null);
        }
        return delivery.attempted(DeliveryStatus.PENDING, outcome.code(), outcome.error(), started, millis,
                now.plus(wait(schedule.delayAfter(attempts), outcome.retryAfter())));
    }

    /** The schedule's wait, or the receiver's {@code Retry-After} where that is longer (up to the cap). */
    private static Duration wait(Duration scheduled, Duration retryAfter) {
        if (retryAfter == null) {
            return scheduled;
        }
        Duration asked = retryAfter.compareTo(RETRY_AFTER_CAP) > 0 ? RETRY_AFTER_CAP : retryAfter;
        return asked.compareTo(scheduled) > 0 ? asked : scheduled;
    }

    /**
     * A {@code Retry-After} of a 429 or 503, in seconds or as an HTTP date (read against {@code now}, the stub's
     * clock); null for any other answer, or a value that is neither.
     */
    static Duration retryAfter(int status, String header, Instant now) {
        if (status != 429 && status != 503) {
            return null;
        }
        String value = header == null ? null : header.strip();
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException tooLong) {
                return RETRY_AFTER_CAP;
            }
        }
        Instant at = httpDate(value, now);
        if (at == null) {
            return null;
        }
        Duration until = Duration.between(now, at);
        return until.isNegative() ? Duration.ZERO : until;
    }

    /**
     * RFC 850's date without its weekday ({@code 06-Nov-94 08:49:37 GMT}): the two-digit year is read in this century,
     * then moved back one where that is over 50 years ahead, which would make the weekday disagree.
     */
    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
            .appendPattern("dd-MMM-").appendValueReduced(ChronoField.YEAR, 2, 2, 2000)
            .appendPattern(" HH:mm:ss 'GMT'").toFormatter(Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** ANSI C's asctime(): {@code Sun Nov  6 08:49:37 1994}, the day padded with a space. */
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /**
     * An HTTP date in any of the three forms a recipient MUST accept (RFC 9110 §5.6.7): IMF-fixdate, RFC 850's and
     * asctime's; null for anything else.
     */
    static Instant httpDate(String value, Instant now) {
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException notImf) {
            // the obsolete forms below
        }
        int comma = value.indexOf(", ");
        if (comma > 0) {
            try {
                Instant at = ZonedDateTime.parse(value.substring(comma + 2), RFC_850).toInstant();
                ZonedDateTime fiftyYearsAhead = now.atZone(ZoneOffset.UTC).plusYears(50);
                return at.isAfter(fiftyYearsAhead.toInstant()) ? at.atZone(ZoneOffset.UTC).minusYears(100)
                        .toInstant() : at;
            } catch (DateTimeParseException notRfc850) {
                // asctime below
            }
        }
        try {
            return ZonedDateTime.parse(value, ASCTIME).toInstant();
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
