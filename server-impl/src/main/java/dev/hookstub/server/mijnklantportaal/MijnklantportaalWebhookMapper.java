package dev.hookstub.server.mijnklantportaal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.api.mijnklantportaal.model.MijnklantportaalWebhook;
import dev.hookstub.server.clock.Timestamps;

/** Between the stored record and the spec's {@code Webhook} model. */
final class MijnklantportaalWebhookMapper {

    private MijnklantportaalWebhookMapper() {
    }

    static MijnklantportaalWebhook toDto(MijnklantportaalWebhookRecord record) {
        return new MijnklantportaalWebhook()
                .id(record.id())
                .type(record.type())
                .url(record.url())
                .secret(record.secret())
                .createdAt(Timestamps.atomAmsterdam(record.createdAt()));
    }

    /** A record from a JSON object in the API's own schema, such as the spec's example. */
    static MijnklantportaalWebhookRecord fromJson(JsonNode json, String tenant) {
        return new MijnklantportaalWebhookRecord(json.path("id").asText(), tenant, json.path("type").asText(),
                json.path("url").asText(), json.path("secret").asText(),
                Timestamps.parse(json.path("createdAt").asText()));
    }
}
