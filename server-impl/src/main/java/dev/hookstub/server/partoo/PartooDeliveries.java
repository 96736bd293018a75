package dev.hookstub.server.partoo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.server.clock.Timestamps;
import dev.hookstub.server.delivery.StoredWebhookDeliveries;
import dev.hookstub.server.delivery.TriggeredEvent;
import dev.hookstub.server.spec.SpecDocument;
import dev.hookstub.server.store.WebhookStore;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Partoo's deliveries: every webhook of the event's {@code event_type}, with the webhook's {@code custom_headers}
 * on each request (they can add headers, never replace the stub's). Partoo documents no signature, so none is sent:
 * a receiver authenticates Partoo with a secret custom header.
 */
final class PartooDeliveries extends StoredWebhookDeliveries<PartooWebhookRecord> {

    private final Set<String> eventTypes = new LinkedHashSet<>();

    PartooDeliveries(WebhookStore<PartooWebhookRecord> store, SpecDocument spec, ObjectMapper mapper) {
        super(store, mapper);
        spec.at("/components/schemas/event_type/enum").forEach(type -> eventTypes.add(type.asText()));
    }

    @Override
    protected void checkType(String type) {
        requireOneOf(type, eventTypes, "Partoo's");
    }

    @Override
    protected boolean subscribed(PartooWebhookRecord webhook, String type) {
        return webhook.eventType().equals(type);
    }

    @Override
    protected void writeEnvelope(ObjectNode envelope, String deliveryId, PartooWebhookRecord webhook,
                                 TriggeredEvent event) {
        envelope.put("id", deliveryId);
        envelope.put("webhook_id", webhook.webhookId());
        envelope.put("event_type", event.type());
        envelope.put("org_id", webhook.orgId());
        envelope.put("created_at", Timestamps.utcMicros(event.at()));
        envelope.set("data", event.payload());
    }

    @Override
    protected String url(PartooWebhookRecord webhook) {
        return webhook.url();
    }

    @Override
    protected Map<String, String> customHeaders(PartooWebhookRecord webhook) {
        return webhook.customHeaders();
    }
}
