package dev.hookstub.server.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.store.StoredRecord;
import dev.hookstub.server.store.WebhookStore;
import java.util.function.Supplier;

/** Filling in the fields the server owns, and insisting on the ones only the caller can give. */
public final class AdminFields {

    private AdminFields() {
    }

    /** Sets a text field when the caller left it out; an explicit null is kept (it may be the point of the test). */
    public static void fill(ObjectNode record, String field, Supplier<Object> value) {
        if (!record.has(field)) {
            record.putPOJO(field, value.get());
        }
    }

    /** Inserts a new record, refusing (409) to replace one with the same id. */
    public static <R extends StoredRecord> R insert(WebhookStore<R> store, R record) {
        if (!store.insert(record)) {
            throw ApiProblem.conflict("A record with id " + record.id() + " already exists.");
        }
        return record;
    }

    public static void require(ObjectNode record, String... fields) {
        for (String field : fields) {
            if (!record.hasNonNull(field)) {
                throw ApiProblem.invalid(400, field, "The " + field + " field is required.");
            }
        }
    }
}
