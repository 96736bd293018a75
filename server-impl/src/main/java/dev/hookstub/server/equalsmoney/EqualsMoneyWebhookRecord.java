package dev.hookstub.server.equalsmoney;

import dev.hookstub.server.store.StoredRecord;
import java.time.Instant;

/** An Equals Money webhook as stored; {@code accountId} is also its tenancy. */
public record EqualsMoneyWebhookRecord(
        String id, String productId, String webhookEventTypeId, String webhookEventTypeName, String accountId,
        String url, String authorizationHeader, boolean enabled, String sharedSecret,
        Instant createdAt, Instant updatedAt) implements StoredRecord {

    /** Null when the webhook's deliveries go unsigned. */
    @Override
    public String signingSecret() {
        return sharedSecret;
    }
}
