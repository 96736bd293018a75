package dev.hookstub.server.partoo;

import dev.hookstub.server.store.StoredRecord;
import java.time.Instant;
import java.util.Map;

/** A Partoo webhook configuration as stored; {@code orgId} is its tenancy, {@code customHeaders} may be null. */
public record PartooWebhookRecord(
        long webhookId, String url, String eventType, Instant createdAt, Instant updatedAt, long orgId,
        Map<String, String> customHeaders) implements StoredRecord {

    @Override
    public String id() {
        return Long.toString(webhookId);
    }
}
