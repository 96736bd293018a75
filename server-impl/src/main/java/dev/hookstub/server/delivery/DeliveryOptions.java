package dev.hookstub.server.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How deliveries are sent and retried.
 *
 * @param retries    attempts after the first before a delivery is marked failed
 * @param retryDelay the wait before the first retry; each further retry waits twice as long (capped at an hour),
 *                   and every wait is drawn at random between half and all of that ("equal jitter"), so that
 *                   receivers that failed together are not retried together
 * @param timeout    how long a receiver has to answer 2xx before the attempt counts as failed
 * @param workers    how many deliveries are in flight at most
 * @param allowedHosts the hosts deliveries may go to; empty allows any. A local sandbox should not be able to post
 *                   to arbitrary hosts on a caller's behalf (and the specs' example records point at the providers'
 *                   own sites), so by default only loopback receivers get deliveries.
 */
public record DeliveryOptions(int retries, Duration retryDelay, Duration timeout, int workers,
                              java.util.Set<String> allowedHosts) {

    public static final java.util.Set<String> LOOPBACK = java.util.Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    public static final int DEFAULT_RETRIES = 5;
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(1);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_WORKERS = 4;
    private static final Duration MAX_DELAY = Duration.ofHours(1);

    public DeliveryOptions {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative");
        }
        if (retryDelay.isNegative() || timeout.isNegative() || timeout.isZero() || workers < 1) {
            throw new IllegalArgumentException("delays must not be negative, the timeout and workers positive");
        }
        allowedHosts = java.util.Set.copyOf(allowedHosts);
    }

    public static DeliveryOptions defaults() {
        return new DeliveryOptions(DEFAULT_RETRIES, DEFAULT_RETRY_DELAY, DEFAULT_TIMEOUT, DEFAULT_WORKERS, LOOPBACK);
    }

    public DeliveryOptions withRetries(int newRetries) {
        return new DeliveryOptions(newRetries, retryDelay, timeout, workers, allowedHosts);
    }

    public DeliveryOptions withRetryDelay(Duration newDelay) {
        return new DeliveryOptions(retries, newDelay, timeout, workers, allowedHosts);
    }

    public DeliveryOptions withTimeout(Duration newTimeout) {
        return new DeliveryOptions(retries, retryDelay, newTimeout, workers, allowedHosts);
    }

    /** Hosts deliveries may go to; an empty set allows any host. */
    public DeliveryOptions withAllowedHosts(java.util.Set<String> hosts) {
        return new DeliveryOptions(retries, retryDelay, timeout, workers, hosts);
    }

    boolean allows(java.net.URI url) {
        String host = url.getHost();
        return allowedHosts.isEmpty() || host != null && allowedHosts.contains(host.toLowerCase(java.util.Locale.ROOT));
    }

    /** The wait after the given number of failed attempts (1 for the first failure). */
    Duration delayAfter(int failedAttempts) {
        long full = retryDelay.toMillis();
        for (int i = 1; i < failedAttempts && full < MAX_DELAY.toMillis(); i++) {
            full *= 2;
        }
        full = Math.min(full, MAX_DELAY.toMillis());
        long half = full / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(full - half + 1));
    }
}
