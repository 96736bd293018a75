package dev.hookstub.server.partoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.server.admin.AdminFields;
import dev.hookstub.server.admin.StoredAdminRecords;
import dev.hookstub.server.clock.Timestamps;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.spec.SpecDocument;
import dev.hookstub.server.store.WebhookStore;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

final class PartooAdminRecords extends StoredAdminRecords<PartooWebhookRecord> {

    private final Clock clock;
    /** Partoo ids are integers handed out in sequence; explicit ids move the sequence past them. */
    private final AtomicLong highestId = new AtomicLong();

    PartooAdminRecords(WebhookStore<PartooWebhookRecord> store, ObjectMapper mapper, SpecDocument spec, Clock clock) {
        super(store, mapper, spec, "/components/schemas/WebhookItem");
        this.clock = clock;
        store.all().forEach(record -> highestId.accumulateAndGet(record.webhookId(), Math::max));
    }

    /** After the store was emptied, ids start again from 1. */
    void restartIds() {
        highestId.set(0);
    }

    @Override
    protected PartooWebhookRecord parse(ObjectNode record) {
        String now = Timestamps.utcMicros(clock.instant());
        AdminFields.require(record, "url", "event_type");
        AdminFields.fill(record, "id", highestId::incrementAndGet);
        AdminFields.fill(record, "org_id", () -> 1);
        AdminFields.fill(record, "created_at", () -> now);
        AdminFields.fill(record, "updated_at", () -> now);
        JsonNode json = mapper.valueToTree(record);
        check(json);
        for (String field : new String[] {"id", "org_id"}) {
            if (!json.get(field).canConvertToLong()) {
                // The schema's integer is unbounded; stored as a long, a larger one would be cut to another number.
                throw ApiProblem.invalid(400, field, "The " + field + " field must fit a 64-bit integer.");
            }
        }
        PartooWebhookRecord parsed = PartooWebhookMapper.fromJson(json);
        highestId.accumulateAndGet(parsed.webhookId(), Math::max);
        return parsed;
    }

    @Override
    protected JsonNode view(PartooWebhookRecord record) {
        return mapper.valueToTree(PartooWebhookMapper.toDto(record));
    }
}
