package dev.hookstub.server.mijnklantportaal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.clock.Timestamps;
import dev.hookstub.server.delivery.DeliveryEnvelope;
import dev.hookstub.server.delivery.Hmac;
import dev.hookstub.server.delivery.StoredWebhookDeliveries;
import dev.hookstub.server.record.SpecRecord;
import dev.hookstub.server.store.WebhookStore;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MijnKlantportaal's deliveries: every webhook of the event's type, whatever its tenant, signed in
 * {@code X-Webhook-Signature} with the webhook's {@code secret}. The docs name the header and the secret but not
 * the algorithm; the stub assumes HMAC-SHA256 of the raw body, lowercase hex.
 */
final class MijnklantportaalDeliveries extends StoredWebhookDeliveries<SpecRecord> {

    private static final DeliveryEnvelope<SpecRecord> ENVELOPE =
            new DeliveryEnvelope<SpecRecord>()
                .deliveryId("id").eventType("type").webhookId("webhookId").time("createdAt", Timestamps::atomAmsterdam)
                .payload("data");

    MijnklantportaalDeliveries(WebhookStore<SpecRecord> store, Set<String> eventTypes,
                               ObjectMapper mapper) {
        super(store, mapper, ENVELOPE, webhook -> webhook.text("url"),
                new EventTypes(List.copyOf(eventTypes), "MijnKlantportaal's documented"));
    }

    @Override
    protected boolean subscribed(SpecRecord webhook, String type) {
        return type.equals(webhook.text("type"));
    }

    @Override
    protected Map<String, String> providerHeaders(SpecRecord webhook, String body) {
        return Map.of("X-Webhook-Signature", Hmac.sha256Hex(webhook.signingSecret(), body));
    }
}
