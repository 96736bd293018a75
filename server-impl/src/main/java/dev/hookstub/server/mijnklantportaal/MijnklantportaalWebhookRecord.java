package dev.hookstub.server.mijnklantportaal;

import dev.hookstub.server.store.StoredRecord;
import java.time.Instant;

/** A MijnKlantportaal webhook as stored, with the tenant (API key owner) it belongs to. */
public record MijnklantportaalWebhookRecord(
        String id, String tenant, String type, String url, String secret, Instant createdAt) implements StoredRecord {

    @Override
    public String signingSecret() {
        return secret;
    }
}
