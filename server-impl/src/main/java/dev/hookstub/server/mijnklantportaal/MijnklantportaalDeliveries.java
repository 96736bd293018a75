package dev.hookstub.server.mijnklantportaal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.server.clock.Timestamps;
import dev.hookstub.server.delivery.Hmac;
import dev.hookstub.server.delivery.PlannedDelivery;
import dev.hookstub.server.delivery.TriggeredEvent;
import dev.hookstub.server.delivery.WebhookDeliveries;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.store.WebhookStore;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MijnKlantportaal's deliveries: every webhook of the event's type, whatever its tenant, signed in
 * {@code X-Webhook-Signature} with the webhook's {@code secret}. The docs name the header and the secret but not
 * the algorithm; the stub assumes HMAC-SHA256 of the raw body, lowercase hex.
 */
final class MijnklantportaalDeliveries implements WebhookDeliveries {

    private final WebhookStore<MijnklantportaalWebhookRecord> store;
    private final Set<String> eventTypes;
    private final ObjectMapper mapper;

    MijnklantportaalDeliveries(WebhookStore<MijnklantportaalWebhookRecord> store, Set<String> eventTypes,
                               ObjectMapper mapper) {
        this.store = store;
        this.eventTypes = eventTypes;
        this.mapper = mapper;
    }

    @Override
    public List<PlannedDelivery> plan(TriggeredEvent event) {
        if (!eventTypes.contains(event.type())) {
            throw ApiProblem.invalid(400, "type", "The type field must be one of MijnKlantportaal's documented event "
                    + "types: " + String.join(", ", eventTypes.stream().sorted().toList()) + ".");
        }
        return store.all().stream()
                .filter(webhook -> webhook.type().equals(event.type()))
                .map(webhook -> plan(webhook, event))
                .toList();
    }

    private PlannedDelivery plan(MijnklantportaalWebhookRecord webhook, TriggeredEvent event) {
        String deliveryId = event.newDeliveryId();
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("id", deliveryId);
        envelope.put("type", event.type());
        envelope.put("webhookId", webhook.id());
        envelope.put("createdAt", Timestamps.atomAmsterdam(event.at()));
        envelope.set("data", event.payload());
        String body = envelope.toString();
        return new PlannedDelivery(deliveryId, webhook.id(), webhook.url(), body,
                Map.of("X-Webhook-Signature", Hmac.sha256Hex(webhook.secret(), body)), Map.of());
    }
}
