package dev.hookstub.server.delivery;

import java.time.Duration;
import java.util.List;

/**
 * When a failed delivery is tried again, and how often: a provider's documented schedule, or the stub's own
 * backoff from {@link DeliveryOptions} where a provider documents none (or where the user asked for it). See
 * {@code docs/delivery-retries.md} for where each provider's schedule comes from.
 */
public interface RetrySchedule {

    /** Attempts after the first before a failing delivery is marked failed. */
    int retries();

    /** The wait after the given number of failed attempts (1 for the first failure). */
    Duration delayAfter(int failedAttempts);

    /** Whether a failure with this status (null: no answer at all) is retried; by default every failure is. */
    default boolean retriesAfter(Integer status) {
        return true;
    }

    /** The stub's exponential backoff with jitter, as the options configure it. */
    static RetrySchedule backoff(DeliveryOptions options) {
        return new RetrySchedule() {
            @Override
            public int retries() {
                return options.retries();
            }

            @Override
            public Duration delayAfter(int failedAttempts) {
                return options.delayAfter(failedAttempts);
            }
        };
    }

    /** These waits in turn, one retry each. */
    static RetrySchedule waits(Duration... waits) {
        List<Duration> delays = List.of(waits);
        return new RetrySchedule() {
            @Override
            public int retries() {
                return delays.size();
            }

            @Override
            public Duration delayAfter(int failedAttempts) {
                return delays.get(Math.min(failedAttempts, delays.size()) - 1);
            }
        };
    }

    /** The same wait before every retry, for as long as {@code period} lasts. */
    static RetrySchedule every(Duration wait, Duration period) {
        int retries = (int) (period.toMillis() / wait.toMillis());
        return new RetrySchedule() {
            @Override
            public int retries() {
                return retries;
            }

            @Override
            public Duration delayAfter(int failedAttempts) {
                return wait;
            }
        };
    }

    /** This schedule, retrying only failures the predicate accepts (a status, or null for no answer). */
    default RetrySchedule onlyAfter(java.util.function.Predicate<Integer> retried) {
        RetrySchedule schedule = this;
        return new RetrySchedule() {
            @Override
            public int retries() {
                return schedule.retries();
            }

            @Override
            public Duration delayAfter(int failedAttempts) {
                return schedule.delayAfter(failedAttempts);
            }

            @Override
            public boolean retriesAfter(Integer status) {
                return schedule.retriesAfter(status) && retried.test(status);
            }
        };
    }
}
