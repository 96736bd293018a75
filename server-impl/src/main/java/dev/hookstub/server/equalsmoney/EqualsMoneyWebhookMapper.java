package dev.hookstub.server.equalsmoney;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.api.equalsmoney.model.EqualsmoneyFindOneWebhook200Response;
import dev.hookstub.server.clock.Timestamps;
import java.util.UUID;

/** Between the stored record and the spec's response model. */
final class EqualsMoneyWebhookMapper {

    private EqualsMoneyWebhookMapper() {
    }

    static EqualsmoneyFindOneWebhook200Response toDto(EqualsMoneyWebhookRecord record) {
        return new EqualsmoneyFindOneWebhook200Response()
                .id(UUID.fromString(record.id()))
                .productId(UUID.fromString(record.productId()))
                .webhookEventTypeId(UUID.fromString(record.webhookEventTypeId()))
                .webhookEventTypeName(record.webhookEventTypeName())
                .accountId(record.accountId())
                .url(record.url())
                .authorizationHeader(record.authorizationHeader())
                .enabled(record.enabled())
                .sharedSecret(record.sharedSecret())
                .createdAt(Timestamps.utcSeconds(record.createdAt()))
                .updatedAt(Timestamps.utcSeconds(record.updatedAt()));
    }

    static EqualsMoneyWebhookRecord fromJson(JsonNode json) {
        return new EqualsMoneyWebhookRecord(
                json.path("id").asText().toLowerCase(java.util.Locale.ROOT), json.path("productId").asText(),
                json.path("webhookEventTypeId").asText(), json.path("webhookEventTypeName").asText(),
                textOrNull(json, "accountId"), json.path("url").asText(), textOrNull(json, "authorizationHeader"),
                json.path("enabled").asBoolean(), textOrNull(json, "sharedSecret"),
                Timestamps.parse(json.path("createdAt").asText()), Timestamps.parse(json.path("updatedAt").asText()));
    }

    private static String textOrNull(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }
}
