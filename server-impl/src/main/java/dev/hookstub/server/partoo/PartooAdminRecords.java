package dev.hookstub.server.partoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.server.admin.AdminFields;
import dev.hookstub.server.admin.AdminRecords;
import dev.hookstub.server.admin.RecordValidation;
import dev.hookstub.server.clock.Timestamps;
import dev.hookstub.server.spec.SpecDocument;
import dev.hookstub.server.store.WebhookStore;
import java.time.Clock;
import java.util.List;

final class PartooAdminRecords implements AdminRecords {

    private final WebhookStore<PartooWebhookRecord> store;
    private final ObjectMapper mapper;
    private final RecordValidation validation;
    private final Clock clock;

    PartooAdminRecords(WebhookStore<PartooWebhookRecord> store, ObjectMapper mapper, SpecDocument spec, Clock clock) {
        this.store = store;
        this.mapper = mapper;
        this.validation = new RecordValidation(spec, "/components/schemas/WebhookItem");
        this.clock = clock;
    }

    @Override
    public synchronized JsonNode create(JsonNode fields) {
        ObjectNode record = ((ObjectNode) fields).deepCopy();
        String now = Timestamps.utcMicros(clock.instant());
        AdminFields.require(record, "url", "event_type");
        AdminFields.fill(record, "id", () -> store.all().stream().mapToLong(PartooWebhookRecord::webhookId).max()
                .orElse(0) + 1);
        AdminFields.fill(record, "org_id", () -> 1);
        AdminFields.fill(record, "created_at", () -> now);
        AdminFields.fill(record, "updated_at", () -> now);
        JsonNode json = mapper.valueToTree(record);
        validation.check(json);
        return view(store.save(PartooWebhookMapper.fromJson(json)));
    }

    @Override
    public List<JsonNode> list() {
        return store.all().stream().map(this::view).toList();
    }

    @Override
    public boolean delete(String id) {
        return store.delete(id);
    }

    private JsonNode view(PartooWebhookRecord record) {
        return mapper.valueToTree(PartooWebhookMapper.toDto(record));
    }
}
