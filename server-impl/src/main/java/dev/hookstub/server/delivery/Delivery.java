package dev.hookstub.server.delivery;

import java.time.Instant;
import java.util.Map;

/**
 * One event on its way to one webhook, and its log entry. Immutable: each step makes a new one. The request is
 * fixed when the delivery is created (body, signature, headers), so every attempt sends the same bytes and a
 * receiver can de-duplicate on the id, sent as {@code webhook-id}. Only the Standard Webhooks signature is made per
 * attempt, for it covers the attempt's timestamp.
 *
 * @param attemptLimit the attempt after which a failing delivery is given up (a manual retry raises it)
 * @param durationMs   how long the last attempt took
 * @param standardWebhooksSecret the {@code whsec_} secret of {@code webhook-signature}; null in a delivery logged
 *                               before the stub signed that way, which then goes without
 */
public record Delivery(
        String id, String api, String webhookId, String eventType, String url, Map<String, String> headers,
        String body, DeliveryStatus status, int attempts, int attemptLimit, Integer lastResponseCode,
        String lastError, Instant createdAt, Instant lastAttemptAt, Long durationMs, Instant nextAttemptAt,
        String standardWebhooksSecret) {

    public Delivery {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    static Delivery planned(String api, PlannedDelivery planned, String eventType, int attemptLimit, Instant now) {
        return new Delivery(planned.deliveryId(), api, planned.webhookId(), eventType, planned.url(),
                DeliveryHeaders.stored(planned), planned.body(), DeliveryStatus.PENDING, 0, attemptLimit, null, null,
                now, null, null, now, planned.standardWebhooksSecret());
    }

    Delivery delivering() {
        return with(DeliveryStatus.DELIVERING, attempts, attemptLimit, lastResponseCode, lastError, lastAttemptAt,
                durationMs, null);
    }

    /** A finished attempt: its result, and either the next attempt's time or none. */
    Delivery attempted(DeliveryStatus next, Integer responseCode, String error, Instant started, long millis,
                       Instant nextAttempt) {
        return with(next, attempts + 1, attemptLimit, responseCode, error, started, millis, nextAttempt);
    }

    /** Back in the queue without counting an attempt: the stub stopped while it was on its way. */
    Delivery requeued(Instant at) {
        return with(DeliveryStatus.PENDING, attempts, attemptLimit, lastResponseCode, lastError, lastAttemptAt,
                durationMs, at);
    }

    /** A manual retry: due now, with a fresh allowance of attempts. */
    Delivery retried(int retries, Instant now) {
        return with(DeliveryStatus.PENDING, attempts, attempts + 1 + retries, lastResponseCode, lastError,
                lastAttemptAt, durationMs, now);
    }

    private Delivery with(DeliveryStatus newStatus, int newAttempts, int newLimit, Integer code, String error,
                          Instant attemptedAt, Long millis, Instant next) {
        return new Delivery(id, api, webhookId, eventType, url, headers, body, newStatus, newAttempts, newLimit, code,
                error, createdAt, attemptedAt, millis, next, standardWebhooksSecret);
    }
}
