package dev.hookstub.server.equalsmoney;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.server.clock.Timestamps;
import dev.hookstub.server.delivery.DeliveryOptions;
import dev.hookstub.server.delivery.Hmac;
import dev.hookstub.server.delivery.RetrySchedule;
import dev.hookstub.server.delivery.StoredWebhookDeliveries;
import dev.hookstub.server.delivery.TriggeredEvent;
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

    private final ObjectMapper mapper;
    private final Clock clock;

    EqualsMoneyDeliveries(WebhookStore<EqualsMoneyWebhookRecord> store, ObjectMapper mapper, Clock clock) {
        super(store, mapper);
        this.mapper = mapper;
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
    protected void writeEnvelope(ObjectNode envelope, String deliveryId, EqualsMoneyWebhookRecord webhook,
                                 TriggeredEvent event) {
        envelope.put("id", deliveryId);
        envelope.put("webhookId", webhook.id());
        envelope.put("webhookEventTypeName", event.type());
        envelope.put("accountId", webhook.accountId());
        // Written like the API writes its own timestamps.
        envelope.set("createdAt", mapper.valueToTree(Timestamps.utcSeconds(event.at())));
        envelope.set("data", event.payload());
    }

    @Override
    protected String url(EqualsMoneyWebhookRecord webhook) {
        return webhook.url();
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
