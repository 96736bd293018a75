package dev.hookstub.server.partoo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.clock.Timestamps;
import dev.hookstub.server.delivery.DeliveryEnvelope;
import dev.hookstub.server.delivery.DeliveryOptions;
import dev.hookstub.server.delivery.RetrySchedule;
import dev.hookstub.server.delivery.StoredWebhookDeliveries;
import dev.hookstub.server.spec.SpecDocument;
import dev.hookstub.server.store.WebhookStore;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Partoo's deliveries: every webhook of the event's {@code event_type}, with the webhook's {@code custom_headers}
 * on each request (they can add headers, never replace the stub's). Partoo documents no signature, so none is sent:
 * a receiver authenticates Partoo with a secret custom header. Partoo documents that it retries a 5xx "up to 5 times
 * with exponential backoff" and never a 4xx; it gives no delays, so the stub's backoff supplies them.
 */
final class PartooDeliveries extends StoredWebhookDeliveries<PartooWebhookRecord> {

    static final int DOCUMENTED_RETRIES = 5;

    /** Partoo's ids are numbers, in the envelope too. */
    private static final DeliveryEnvelope<PartooWebhookRecord> ENVELOPE =
            new DeliveryEnvelope<PartooWebhookRecord>()
                .deliveryId("id").webhook("webhook_id", PartooWebhookRecord::webhookId).eventType("event_type")
                .webhook("org_id", PartooWebhookRecord::orgId).time("created_at", Timestamps::utcMicros)
                .payload("data");

    private final Set<String> eventTypes = new LinkedHashSet<>();

    PartooDeliveries(WebhookStore<PartooWebhookRecord> store, SpecDocument spec, ObjectMapper mapper) {
        super(store, mapper, ENVELOPE, PartooWebhookRecord::url);
        spec.at("/components/schemas/event_type/enum").forEach(type -> eventTypes.add(type.asText()));
    }

    @Override
    protected void checkType(String type) {
        requireOneOf(type, eventTypes, "Partoo's");
    }

    /** An attempt without an answer (a timeout, a refused connection) is retried too: Partoo says nothing of it. */
    @Override
    public RetrySchedule retrySchedule(DeliveryOptions options) {
        return RetrySchedule.backoff(options.withRetries(DOCUMENTED_RETRIES))
                .onlyAfter(status -> status == null || status / 100 == 5);
    }

    @Override
    protected boolean subscribed(PartooWebhookRecord webhook, String type) {
        return webhook.eventType().equals(type);
    }

    @Override
    protected Map<String, String> customHeaders(PartooWebhookRecord webhook) {
        return webhook.customHeaders();
    }
}
