package dev.hookstub.server.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
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
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration until = Duration.between(now, at);
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
