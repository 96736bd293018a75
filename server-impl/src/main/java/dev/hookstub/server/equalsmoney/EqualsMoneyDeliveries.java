package dev.hookstub.server.equalsmoney;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.hookstub.server.clock.Timestamps;
import dev.hookstub.server.delivery.DeliveryEnvelope;
import dev.hookstub.server.delivery.DeliveryOptions;
import dev.hookstub.server.delivery.Hmac;
import dev.hookstub.server.delivery.RetrySchedule;
import dev.hookstub.server.delivery.StoredWebhookDeliveries;
import dev.hookstub.server.record.SpecRecord;
import dev.hookstub.server.store.WebhookStore;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Equals Money's deliveries: every enabled webhook whose {@code webhookEventTypeName} is the event's type. The
 * {@code sharedSecret}, when set, signs the body in {@code x-em-signature} (HMAC-SHA256, lowercase hex: the docs
 * name the header, not the algorithm); the {@code authorizationHeader}, when set, is sent as {@code Authorization}.
 * A 410 disables the webhook ({@code enabled: false}). A failed delivery is retried as Equals Money documents: "every
 * 5 minutes for a period of two weeks".
 */
final class EqualsMoneyDeliveries extends StoredWebhookDeliveries<SpecRecord> {

    static final RetrySchedule DOCUMENTED = RetrySchedule.every(Duration.ofMinutes(5), Duration.ofDays(14));

    /** The time is written as the API's mapper writes the timestamps of its records. */
    private static final DeliveryEnvelope<SpecRecord> ENVELOPE =
            new DeliveryEnvelope<SpecRecord>()
                .deliveryId("id").webhookId("webhookId").eventType("webhookEventTypeName")
                .webhook("accountId", webhook -> webhook.json("accountId")).time("createdAt", Timestamps::utcSeconds)
                .payload("data");

    private final Clock clock;

    EqualsMoneyDeliveries(WebhookStore<SpecRecord> store, ObjectMapper mapper, Clock clock) {
        super(store, mapper, ENVELOPE, webhook -> webhook.text("url"), EventTypes.ANY);
        this.clock = clock;
    }

    @Override
    public RetrySchedule retrySchedule(DeliveryOptions options) {
        return DOCUMENTED;
    }

    @Override
    protected boolean subscribed(SpecRecord webhook, String type) {
        return webhook.json("enabled").asBoolean() && type.equals(webhook.text("webhookEventTypeName"));
    }

    @Override
    protected Map<String, String> providerHeaders(SpecRecord webhook, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (webhook.signingSecret() != null) {
            headers.put("x-em-signature", Hmac.sha256Hex(webhook.signingSecret(), body));
        }
        if (webhook.text("authorizationHeader") != null) {
            headers.put("Authorization", webhook.text("authorizationHeader"));
        }
        return headers;
    }

    @Override
    public void webhookGone(String webhookId) {
        store.find(webhookId).filter(webhook -> webhook.json("enabled").asBoolean()).ifPresent(webhook -> store.replace(
                webhook.with("enabled", BooleanNode.FALSE).with("updatedAt", clock.instant())));
    }
}
