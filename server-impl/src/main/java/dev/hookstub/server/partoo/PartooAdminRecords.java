package dev.hookstub.server.partoo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.server.admin.StoredAdminRecords;
import dev.hookstub.server.api.ApiContext;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.record.RecordShape;
import dev.hookstub.server.record.SpecRecord;
import dev.hookstub.server.store.IdSequence;
import dev.hookstub.server.store.WebhookStore;

final class PartooAdminRecords extends StoredAdminRecords {

    /**
     * Partoo ids are integers handed out in sequence; explicit ids move the sequence past them. The store keeps it,
     * so that instances sharing the records never hand out the same id.
     */
    private final IdSequence sequence;

    PartooAdminRecords(WebhookStore<SpecRecord> store, ApiContext context, RecordShape shape) {
        super(store, context, shape);
        this.sequence = store.idSequence(record -> record.json("id").asLong());
    }

    /** After the store was emptied, ids start again from 1. */
    void restartIds() {
        sequence.restart();
    }

    @Override
    protected void prepare(ObjectNode fields) {
        if (!fields.has("id")) {
            fields.put("id", sequence.next());
        }
    }

    @Override
    protected void check(ObjectNode given, SpecRecord record) {
        for (String field : new String[] {"id", "org_id"}) {
            if (!record.json(field).canConvertToLong()) {
                // The schema's integer is unbounded; stored as a long, a larger one would be cut to another number.
                throw ApiProblem.invalid(400, field, "The " + field + " field must fit a 64-bit integer.");
            }
        }
        if (given.has("id")) {
            sequence.taken(record.json("id").asLong());
        }
    }
}
