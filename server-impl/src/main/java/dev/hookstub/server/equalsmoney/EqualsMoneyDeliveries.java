package dev.hookstub.server.equalsmoney;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.clock.Timestamps;
import dev.hookstub.server.delivery.DeliveryEnvelope;
import dev.hookstub.server.delivery.DeliveryOptions;
import dev.hookstub.server.delivery.Hmac;
import dev.hookstub.server.delivery.RetrySchedule;
import dev.hookstub.server.delivery.StoredWebhookDeliveries;
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
final class EqualsMoneyDeliveries extends StoredWebhookDeliveries<EqualsMoneyWebhookRecord> {

    static final RetrySchedule DOCUMENTED = RetrySchedule.every(Duration.ofMinutes(5), Duration.ofDays(14));

    /** The time is written as the API's mapper writes the timestamps of its records. */
    private static final DeliveryEnvelope<EqualsMoneyWebhookRecord> ENVELOPE =
            new DeliveryEnvelope<EqualsMoneyWebhookRecord>()
                .deliveryId("id").webhookId("webhookId").eventType("webhookEventTypeName")
                .webhook("accountId", EqualsMoneyWebhookRecord::accountId).time("createdAt", Timestamps::utcSeconds)
                .payload("data");

    private final Clock clock;

    EqualsMoneyDeliveries(WebhookStore<EqualsMoneyWebhookRecord> store, ObjectMapper mapper, Clock clock) {
        super(store, mapper, ENVELOPE, EqualsMoneyWebhookRecord::url);
        this.clock = clock;
    }

    @Override
    public RetrySchedule retrySchedule(DeliveryOptions options) {
        return DOCUMENTED;
    }

    @Override
    protected boolean subscribed(EqualsMoneyWebhookRecord webhook, String type) {
        return webhook.enabled() && webhook.webhookEventTypeName().equals(type);
    }

    @Override
    protected Map<String, String> providerHeaders(EqualsMoneyWebhookRecord webhook, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (webhook.sharedSecret() != null) {
            headers.put("x-em-signature", Hmac.sha256Hex(webhook.sharedSecret(), body));
        }
        if (webhook.authorizationHeader() != null) {
            headers.put("Authorization", webhook.authorizationHeader());
        }
        return headers;
    }

    @Override
    public void webhookGone(String webhookId) {
        store.find(webhookId).filter(EqualsMoneyWebhookRecord::enabled).ifPresent(webhook -> store.replace(
                new EqualsMoneyWebhookRecord(webhook.id(), webhook.productId(), webhook.webhookEventTypeId(),
                        webhook.webhookEventTypeName(), webhook.accountId(), webhook.url(),
                        webhook.authorizationHeader(), false, webhook.sharedSecret(), webhook.createdAt(),
                        clock.instant())));
    }
}
