package dev.hookstub.server.equalsmoney;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.server.admin.StoredAdminRecords;
import dev.hookstub.server.api.ApiContext;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.record.RecordShape;
import dev.hookstub.server.record.SpecRecord;
import dev.hookstub.server.store.WebhookStore;

final class EqualsMoneyAdminRecords extends StoredAdminRecords {

    EqualsMoneyAdminRecords(WebhookStore<SpecRecord> store, ApiContext context, RecordShape shape) {
        super(store, context, shape);
    }

    /** Ids are UUIDs, found whatever their case: kept in lower case, as the stub's own ones are. */
    @Override
    protected void prepare(ObjectNode fields) {
        if (fields.path("id").isTextual()) {
            fields.put("id", shape.key(fields.get("id").asText()));
        }
    }

    @Override
    protected void check(ObjectNode given, SpecRecord record) {
        if ("".equals(record.text("sharedSecret"))) {
            // The secret keys the delivery's HMAC, and an HMAC key cannot be empty; null means no signature.
            throw ApiProblem.invalid(400, "sharedSecret",
                    "The sharedSecret field must not be empty: give null for deliveries without a signature.");
        }
    }
}
