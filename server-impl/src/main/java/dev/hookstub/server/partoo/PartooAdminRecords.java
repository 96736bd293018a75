package dev.hookstub.server.partoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.server.admin.AdminFields;
import dev.hookstub.server.admin.StoredAdminRecords;
import dev.hookstub.server.clock.Timestamps;
import dev.hookstub.server.core.ApiContext;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.spec.SpecDocument;
import dev.hookstub.server.store.WebhookStore;
import dev.hookstub.server.store.IdSequence;
import java.util.function.Consumer;

final class PartooAdminRecords extends StoredAdminRecords<PartooWebhookRecord> {

    /**
     * Partoo ids are integers handed out in sequence; explicit ids move the sequence past them. The store keeps it,
     * so that instances sharing the records never hand out the same id.
     */
    private final IdSequence sequence;

    PartooAdminRecords(WebhookStore<PartooWebhookRecord> store, ApiContext context, SpecDocument spec) {
        super(store, context, spec, "/components/schemas/WebhookItem");
        this.sequence = store.idSequence(PartooWebhookRecord::webhookId);
    }

    /** After the store was emptied, ids start again from 1. */
    void restartIds() {
        sequence.restart();
    }

    @Override
    protected PartooWebhookRecord parse(ObjectNode record, Consumer<JsonNode> check) {
        String now = Timestamps.utcMicros(clock.instant());
        AdminFields.require(record, "url", "event_type");
        boolean explicitId = record.has("id");
        AdminFields.fill(record, "id", sequence::next);
        AdminFields.fill(record, "org_id", () -> 1);
        AdminFields.fill(record, "created_at", () -> now);
        AdminFields.fill(record, "updated_at", () -> now);
        JsonNode json = mapper.valueToTree(record);
        check.accept(json);
        for (String field : new String[] {"id", "org_id"}) {
            if (!json.get(field).canConvertToLong()) {
                // The schema's integer is unbounded; stored as a long, a larger one would be cut to another number.
                throw ApiProblem.invalid(400, field, "The " + field + " field must fit a 64-bit integer.");
            }
        }
        PartooWebhookRecord parsed = PartooWebhookMapper.fromJson(json);
        if (explicitId) {
            sequence.taken(parsed.webhookId());
        }
        return parsed;
    }

    @Override
    protected JsonNode view(PartooWebhookRecord record) {
        return mapper.valueToTree(PartooWebhookMapper.toDto(record));
    }
}
