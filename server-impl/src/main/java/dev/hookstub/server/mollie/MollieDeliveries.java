package dev.hookstub.server.mollie;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.server.clock.Timestamps;
import dev.hookstub.server.delivery.DeliveryOptions;
import dev.hookstub.server.delivery.Hmac;
import dev.hookstub.server.delivery.RetrySchedule;
import dev.hookstub.server.delivery.StoredWebhookDeliveries;
import dev.hookstub.server.delivery.TriggeredEvent;
import dev.hookstub.server.store.WebhookStore;
import java.time.Duration;
import java.util.Map;

/**
 * Mollie's next-gen webhook deliveries: every {@code enabled} subscription whose {@code eventTypes} hold the event's
 * type or {@code *}, in live and test mode alike, signed in {@code X-Mollie-Signature} with the subscription's
 * signing secret (HMAC-SHA256 of the raw body, lowercase hex, as Mollie's verification example computes it).
 * A 410 disables the subscription ({@code status: disabled}). Failed deliveries are retried on Mollie's documented
 * "retry schema", to which its next-gen webhooks guide refers: ten calls in all, the last 26 hours after the first.
 */
final class MollieDeliveries extends StoredWebhookDeliveries<MollieWebhookRecord> {

    private static final String ALL_EVENTS = "*";
    /** The intervals between the ten calls, as the table in Mollie's webhooks guide gives them. */
    static final RetrySchedule DOCUMENTED = RetrySchedule.waits(Duration.ofMinutes(1), Duration.ofMinutes(2),
            Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(29),
            Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(22));

    MollieDeliveries(WebhookStore<MollieWebhookRecord> store, ObjectMapper mapper) {
        super(store, mapper);
    }

    @Override
    protected boolean subscribed(MollieWebhookRecord webhook, String type) {
        return "enabled".equals(webhook.status())
                && (webhook.eventTypes().contains(type) || webhook.eventTypes().contains(ALL_EVENTS));
    }

    @Override
    protected void writeEnvelope(ObjectNode envelope, String deliveryId, MollieWebhookRecord webhook,
                                 TriggeredEvent event) {
        envelope.put("resource", "event");
        envelope.put("id", deliveryId);
        envelope.put("type", event.type());
        envelope.put("webhookId", webhook.id());
        if (event.payload().path("id").isTextual()) {
            envelope.put("entityId", event.payload().path("id").asText());
        }
        envelope.put("createdAt", Timestamps.utcOffsetSeconds(event.at()));
        envelope.putObject("_embedded").set("entity", event.payload());
    }

    @Override
    public RetrySchedule retrySchedule(DeliveryOptions options) {
        return DOCUMENTED;
    }

    @Override
    protected String url(MollieWebhookRecord webhook) {
        return webhook.url();
    }

    /** Subscriptions stored before signing secrets existed have none: their deliveries go unsigned. */
    @Override
    protected Map<String, String> providerHeaders(MollieWebhookRecord webhook, String body) {
        return webhook.signingSecret() == null ? Map.of()
                : Map.of("X-Mollie-Signature", Hmac.sha256Hex(webhook.signingSecret(), body));
    }

    @Override
    public void webhookGone(String webhookId) {
        store.find(webhookId).filter(webhook -> "enabled".equals(webhook.status())).ifPresent(webhook -> store.replace(
                new MollieWebhookRecord(webhook.id(), webhook.url(), webhook.profileId(), webhook.createdAt(),
                        webhook.name(), webhook.eventTypes(), "disabled", webhook.mode(), webhook.signingSecret())));
    }
}
