package dev.hookstub.server.mollie;

import dev.hookstub.server.store.StoredRecord;
import java.time.Instant;
import java.util.List;

/**
 * A Mollie webhook subscription as stored; {@code mode} (live or test) decides which requests can see it.
 * {@code signingSecret} signs deliveries; the API's GET has no such field, so only the admin API shows it.
 */
public record MollieWebhookRecord(
        String id, String url, String profileId, Instant createdAt, String name, List<String> eventTypes,
        String status, String mode, String signingSecret) implements StoredRecord {

    public MollieWebhookRecord {
        eventTypes = List.copyOf(eventTypes);
    }

    boolean isTestMode() {
        return "test".equals(mode);
    }
}
