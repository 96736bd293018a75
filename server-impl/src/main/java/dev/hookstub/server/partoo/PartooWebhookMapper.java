package dev.hookstub.server.partoo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.api.partoo.model.PartooEventType;
import dev.hookstub.api.partoo.model.PartooWebhookItem;
import dev.hookstub.server.clock.Timestamps;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/** Between the stored record and the spec's {@code WebhookItem}. */
final class PartooWebhookMapper {

    private PartooWebhookMapper() {
    }

    static PartooWebhookItem toDto(PartooWebhookRecord record) {
        return new PartooWebhookItem()
                .id(BigInteger.valueOf(record.webhookId()))
                .url(record.url())
                .eventType(PartooEventType.fromValue(record.eventType()))
                .createdAt(Timestamps.utcMicros(record.createdAt()))
                .updatedAt(Timestamps.utcMicros(record.updatedAt()))
                .orgId(BigInteger.valueOf(record.orgId()))
                .customHeaders(record.customHeaders());
    }

    static PartooWebhookRecord fromJson(JsonNode json) {
        Map<String, String> headers = null;
        if (json.path("custom_headers").isObject()) {
            Map<String, String> collected = new LinkedHashMap<>();
            json.get("custom_headers").fields().forEachRemaining(e -> collected.put(e.getKey(), e.getValue().asText()));
            headers = java.util.Collections.unmodifiableMap(collected);
        }
        return new PartooWebhookRecord(json.path("id").asLong(), json.path("url").asText(),
                json.path("event_type").asText(), Timestamps.parse(json.path("created_at").asText()),
                Timestamps.parse(json.path("updated_at").asText()), json.path("org_id").asLong(), headers);
    }
}
