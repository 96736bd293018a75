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
 * @param backoffForAll whether {@code retries} and {@code retryDelay} apply to every API. By default each API
 *                   retries on its provider's documented schedule, and only an API whose provider documents none
 *                   uses this backoff; setting either value (a test shortening retries) makes it apply to all.
 */
public record DeliveryOptions(int retries, Duration retryDelay, Duration timeout, int workers,
                              java.util.Set<String> allowedHosts, boolean backoffForAll) {

    public static final java.util.Set<String> LOOPBACK = java.util.Set.of("localhost", "127.0.0.1", "::1");

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

    /** Options that name their retries and delay apply them to every API. */
    public DeliveryOptions(int retries, Duration retryDelay, Duration timeout, int workers,
                           java.util.Set<String> allowedHosts) {
        this(retries, retryDelay, timeout, workers, allowedHosts, true);
    }

    /** Each API's documented retry schedule; the backoff below only where a provider documents none. */
    public static DeliveryOptions defaults() {
        return new DeliveryOptions(DEFAULT_RETRIES, DEFAULT_RETRY_DELAY, DEFAULT_TIMEOUT, DEFAULT_WORKERS, LOOPBACK,
                false);
    }

    /** Retries every API's failed deliveries this many times, on the backoff, instead of its documented schedule. */
    public DeliveryOptions withRetries(int newRetries) {
        return new DeliveryOptions(newRetries, retryDelay, timeout, workers, allowedHosts, true);
    }

    /** Retries every API's failed deliveries on the backoff from this delay, instead of its documented schedule. */
    public DeliveryOptions withRetryDelay(Duration newDelay) {
        return new DeliveryOptions(retries, newDelay, timeout, workers, allowedHosts, true);
    }

    public DeliveryOptions withTimeout(Duration newTimeout) {
        return new DeliveryOptions(retries, retryDelay, newTimeout, workers, allowedHosts, backoffForAll);
    }

    /** Hosts deliveries may go to; an empty set allows any host. */
    public DeliveryOptions withAllowedHosts(java.util.Set<String> hosts) {
        return new DeliveryOptions(retries, retryDelay, timeout, workers, hosts, backoffForAll);
    }

    /** The schedule an API's deliveries follow: its own, unless the backoff was asked for everywhere. */
    RetrySchedule scheduleFor(WebhookDeliveries api) {
        return backoffForAll ? RetrySchedule.backoff(this) : api.retrySchedule(this);
    }

    boolean allows(java.net.URI url) {
        String host = url.getHost();
        if (host != null && host.startsWith("[") && host.endsWith("]")) {
            // An IPv6 literal: the URI keeps its brackets, the list names the address (::1).
            host = host.substring(1, host.length() - 1);
        }
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
