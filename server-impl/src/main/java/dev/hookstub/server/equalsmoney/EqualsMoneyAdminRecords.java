package dev.hookstub.server.equalsmoney;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.server.admin.AdminFields;
import dev.hookstub.server.admin.StoredAdminRecords;
import dev.hookstub.server.clock.Timestamps;
import dev.hookstub.server.core.ApiContext;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.spec.SpecDocument;
import dev.hookstub.server.store.WebhookStore;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;

final class EqualsMoneyAdminRecords extends StoredAdminRecords<EqualsMoneyWebhookRecord> {

    EqualsMoneyAdminRecords(WebhookStore<EqualsMoneyWebhookRecord> store, ApiContext context, SpecDocument spec) {
        super(store, context, spec,
                "/paths/~1webhooks~1{webhookId}/get/responses/200/content/application~1json/schema");
    }

    @Override
    protected EqualsMoneyWebhookRecord parse(ObjectNode record, Consumer<JsonNode> check) {
        String now = Timestamps.utcSecondsText(clock.instant());
        AdminFields.require(record, "url", "webhookEventTypeName");
        AdminFields.fill(record, "id", () -> UUID.randomUUID().toString());
        AdminFields.fill(record, "productId", () -> UUID.randomUUID().toString());
        AdminFields.fill(record, "webhookEventTypeId", () -> UUID.randomUUID().toString());
        AdminFields.fill(record, "accountId", () -> null);
        AdminFields.fill(record, "authorizationHeader", () -> null);
        AdminFields.fill(record, "enabled", () -> true);
        AdminFields.fill(record, "sharedSecret", () -> null);
        AdminFields.fill(record, "createdAt", () -> now);
        AdminFields.fill(record, "updatedAt", () -> now);
        check.accept(mapper.valueToTree(record));
        if (record.path("sharedSecret").isTextual() && record.path("sharedSecret").asText().isEmpty()) {
            // The secret keys the delivery's HMAC, and an HMAC key cannot be empty; null means no signature.
            throw ApiProblem.invalid(400, "sharedSecret",
                    "The sharedSecret field must not be empty: give null for deliveries without a signature.");
        }
        return EqualsMoneyWebhookMapper.fromJson(mapper.valueToTree(record));
    }

    @Override
    protected String storedId(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    @Override
    protected JsonNode view(EqualsMoneyWebhookRecord record) {
        return mapper.valueToTree(EqualsMoneyWebhookMapper.toDto(record));
    }
}
