package dev.hookstub.server.equalsmoney;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.server.admin.AdminFields;
import dev.hookstub.server.core.AdminRecords;
import dev.hookstub.server.admin.RecordValidation;
import dev.hookstub.server.clock.Timestamps;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.spec.SpecDocument;
import dev.hookstub.server.store.WebhookStore;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

final class EqualsMoneyAdminRecords implements AdminRecords {

    private final WebhookStore<EqualsMoneyWebhookRecord> store;
    private final ObjectMapper mapper;
    private final RecordValidation validation;
    private final Clock clock;

    EqualsMoneyAdminRecords(WebhookStore<EqualsMoneyWebhookRecord> store, ObjectMapper mapper, SpecDocument spec,
                            Clock clock) {
        this.store = store;
        this.mapper = mapper;
        this.validation = new RecordValidation(spec,
                "/paths/~1webhooks~1{webhookId}/get/responses/200/content/application~1json/schema");
        this.clock = clock;
    }

    @Override
    public JsonNode create(JsonNode fields) {
        ObjectNode record = ((ObjectNode) fields).deepCopy();
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
        validation.check(mapper.valueToTree(record));
        if (record.path("sharedSecret").isTextual() && record.path("sharedSecret").asText().isEmpty()) {
            // The secret keys the delivery's HMAC, and an HMAC key cannot be empty; null means no signature.
            throw ApiProblem.invalid(400, "sharedSecret",
                    "The sharedSecret field must not be empty: give null for deliveries without a signature.");
        }
        return view(AdminFields.insert(store, EqualsMoneyWebhookMapper.fromJson(mapper.valueToTree(record))));
    }

    @Override
    public List<JsonNode> list() {
        return store.all().stream().map(this::view).toList();
    }

    @Override
    public boolean delete(String id) {
        return store.delete(id.toLowerCase(java.util.Locale.ROOT));
    }

    private JsonNode view(EqualsMoneyWebhookRecord record) {
        return mapper.valueToTree(EqualsMoneyWebhookMapper.toDto(record));
    }
}
