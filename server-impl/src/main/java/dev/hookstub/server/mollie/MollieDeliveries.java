package dev.hookstub.server.mollie;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.server.clock.Timestamps;
import dev.hookstub.server.delivery.DeliveryEnvelope;
import dev.hookstub.server.delivery.DeliveryOptions;
import dev.hookstub.server.delivery.Hmac;
import dev.hookstub.server.delivery.RetrySchedule;
import dev.hookstub.server.delivery.StoredWebhookDeliveries;
import dev.hookstub.server.record.SpecRecord;
import dev.hookstub.server.store.WebhookStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Mollie's next-gen webhook deliveries: every {@code enabled} subscription whose {@code eventTypes} hold the event's
 * type or {@code *}, in live and test mode alike, signed in {@code X-Mollie-Signature} with the subscription's
 * signing secret (HMAC-SHA256 of the raw body, lowercase hex, after {@code sha256=}). An event's type must be one
 * Mollie documents. A 410 disables the subscription ({@code status: disabled}). Failed deliveries are retried on
 * Mollie's documented "retry schema", to which its next-gen webhooks guide refers: ten calls in all, the last 26
 * hours after the first.
 */
final class MollieDeliveries extends StoredWebhookDeliveries<SpecRecord> {

    /** The intervals between the ten calls, as the table in Mollie's webhooks guide gives them. */
    static final RetrySchedule DOCUMENTED = RetrySchedule.waits(Duration.ofMinutes(1), Duration.ofMinutes(2),
            Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(29),
            Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(22));
    private static final String EVENTS = "https://api.mollie.com/v2/events/";
    private static final String EVENT_DOCUMENTATION = "https://docs.mollie.com/reference/get-webhook-event";

    /**
     * The event as Mollie's "Get a Webhook Event" ({@code GET /v2/events/{id}}) defines it and its SDKs model it
     * ({@code EntityWebhookEvent} in mollie-api-typescript requires {@code entityId} and {@code _links.self},
     * {@code _links.documentation}). The caller's payload is the entity, embedded as the full payload; an empty
     * (or null) payload sends the simple one, without {@code _embedded}, since no entity model accepts an empty object.
     * {@code _links.self} is the event's URL on Mollie's API (the stub serves no {@code /v2/events}).
     */
    private static final DeliveryEnvelope<SpecRecord> ENVELOPE =
            new DeliveryEnvelope<SpecRecord>()
                .field("resource", (deliveryId, webhook, event) -> "event").deliveryId("id").eventType("type")
                .webhookId("webhookId").field("entityId", (deliveryId, webhook, event) -> entityId(event.payload()))
                .time("createdAt", Timestamps::utcOffsetSeconds)
                .field("_embedded", (deliveryId, webhook, event) -> embedded(event.payload()))
                .field("_links", (deliveryId, webhook, event) -> MollieLinks.of(EVENTS + deliveryId,
                        EVENT_DOCUMENTATION));

    /** An event's type is one of the documented ones but {@code *}, which only a subscription names. */
    MollieDeliveries(WebhookStore<SpecRecord> store, List<String> eventTypes, ObjectMapper mapper) {
        super(store, mapper, ENVELOPE, webhook -> webhook.text("url"), new EventTypes(eventTypes.stream()
                .filter(type -> !MollieEventTypes.ALL_EVENTS.equals(type)).toList(), "Mollie's documented"));
    }

    @Override
    protected boolean subscribed(SpecRecord webhook, String type) {
        List<String> subscribed = webhook.texts("eventTypes");
        return "enabled".equals(webhook.text("status"))
                && (subscribed.contains(type) || subscribed.contains(MollieEventTypes.ALL_EVENTS));
    }

    /** Required by the SDKs; empty when the payload names no entity. */
    private static String entityId(JsonNode payload) {
        return payload.path("id").isTextual() ? payload.path("id").asText() : "";
    }

    /** The payload as the embedded entity; none for an empty (or null) payload. */
    private static JsonNode embedded(JsonNode entity) {
        if (entity.isNull() || (entity.isObject() && entity.isEmpty())) {
            return MissingNode.getInstance();
        }
        ObjectNode embedded = JsonNodeFactory.instance.objectNode();
        embedded.set("entity", entity);
        return embedded;
    }

    @Override
    public RetrySchedule retrySchedule(DeliveryOptions options) {
        return DOCUMENTED;
    }

    /**
     * {@code sha256=} and the hex HMAC, as Mollie's own SDKs read the header: the {@code SignatureValidator} of
     * mollie-api-typescript (1.12.28, {@code src/utils/webhooks/signature_validator.ts}) and of mollie-api-php
     * ({@code src/Webhooks/SignatureValidator.php}, whose tests sign {@code 'sha256=' . createSignature(...)}) strip
     * that prefix. Subscriptions stored before signing secrets existed have none: their deliveries go unsigned.
     */
    @Override
    protected Map<String, String> providerHeaders(SpecRecord webhook, String body) {
        return webhook.signingSecret() == null ? Map.of()
                : Map.of("X-Mollie-Signature", "sha256=" + Hmac.sha256Hex(webhook.signingSecret(), body));
    }

    @Override
    public void webhookGone(String webhookId) {
        store.find(webhookId).filter(webhook -> "enabled".equals(webhook.text("status")))
                .ifPresent(webhook -> store.replace(webhook.with("status", "disabled")));
    }
}
