package dev.hookstub.server.partoo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.server.clock.Timestamps;
import dev.hookstub.server.delivery.PlannedDelivery;
import dev.hookstub.server.delivery.TriggeredEvent;
import dev.hookstub.server.delivery.WebhookDeliveries;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.spec.SpecDocument;
import dev.hookstub.server.store.WebhookStore;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Partoo's deliveries: every webhook of the event's {@code event_type}, with the webhook's {@code custom_headers}
 * on each request (they can add headers, never replace the stub's). Partoo documents no signature, so none is sent:
 * a receiver authenticates Partoo with a secret custom header.
 */
final class PartooDeliveries implements WebhookDeliveries {

    private final WebhookStore<PartooWebhookRecord> store;
    private final Set<String> eventTypes = new LinkedHashSet<>();
    private final ObjectMapper mapper;

    PartooDeliveries(WebhookStore<PartooWebhookRecord> store, SpecDocument spec, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
        spec.at("/components/schemas/event_type/enum").forEach(type -> eventTypes.add(type.asText()));
    }

    @Override
    public List<PlannedDelivery> plan(TriggeredEvent event) {
        if (!eventTypes.contains(event.type())) {
            throw ApiProblem.invalid(400, "type", "The type field must be one of Partoo's event types: "
                    + String.join(", ", eventTypes) + ".");
        }
        return store.all().stream()
                .filter(webhook -> webhook.eventType().equals(event.type()))
                .map(webhook -> plan(webhook, event))
                .toList();
    }

    private PlannedDelivery plan(PartooWebhookRecord webhook, TriggeredEvent event) {
        String deliveryId = event.newDeliveryId();
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("id", deliveryId);
        envelope.put("webhook_id", webhook.webhookId());
        envelope.put("event_type", event.type());
        envelope.put("org_id", webhook.orgId());
        envelope.put("created_at", Timestamps.utcMicros(event.at()));
        envelope.set("data", event.payload());
        return new PlannedDelivery(deliveryId, webhook.id(), webhook.url(), envelope.toString(), Map.of(),
                webhook.customHeaders());
    }
}
