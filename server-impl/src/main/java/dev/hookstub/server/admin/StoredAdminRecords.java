package dev.hookstub.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.server.clock.IdGenerator;
import dev.hookstub.server.core.AdminRecords;
import dev.hookstub.server.core.ApiContext;
import dev.hookstub.server.delivery.StandardWebhooks;
import dev.hookstub.server.spec.SpecDocument;
import dev.hookstub.server.store.StoredRecord;
import dev.hookstub.server.store.WebhookStore;
import java.time.Clock;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * What every API's admin records share: create copies the given fields, lets the API fill, check and parse them
 * into its record, and inserts it (409 on a taken id); list and the answer to create show each record in the
 * API's admin view; delete removes by id. An API says how fields become a record and how a record is shown.
 */
public abstract class StoredAdminRecords<R extends StoredRecord> implements AdminRecords {

    protected final WebhookStore<R> store;
    protected final ObjectMapper mapper;
    /** Where the fields the server owns come from: generated ids and secrets, the (steerable) time. */
    protected final IdGenerator ids;
    protected final Clock clock;
    private final RecordValidation validation;
    /**
     * The spec's own example records seeded at a start, each to be held to the schema by {@link #checkExamples}:
     * checking them at once would load the JSON Schema library before the first answer.
     */
    private final Queue<JsonNode> uncheckedExamples = new ConcurrentLinkedQueue<>();

    /** @param schemaPointer the JSON pointer, in the spec, of the schema a record must match */
    protected StoredAdminRecords(WebhookStore<R> store, ApiContext context, SpecDocument spec, String schemaPointer) {
        this.store = store;
        this.mapper = context.mapper();
        this.ids = context.ids();
        this.clock = context.clock();
        this.validation = new RecordValidation(spec, schemaPointer);
    }

    @Override
    public final JsonNode create(JsonNode fields) {
        return shown(inserted(fields, validation::check));
    }

    @Override
    public final void seed(JsonNode fields) {
        inserted(fields, validation::check);
    }

    @Override
    public final void seedExample(JsonNode fields) {
        inserted(fields, record -> uncheckedExamples.add(record.deepCopy()));
    }

    @Override
    public final void checkExamples() {
        for (JsonNode record = uncheckedExamples.poll(); record != null; record = uncheckedExamples.poll()) {
            validation.check(record);
        }
    }

    private R inserted(JsonNode fields, Consumer<JsonNode> check) {
        return AdminFields.insert(store, parse(((ObjectNode) fields).deepCopy(), check));
    }

    @Override
    public final List<JsonNode> list() {
        return store.all().stream().map(this::shown).toList();
    }

    /** The API's view and the secret of the record's {@code webhook-signature}, which only the admin API knows. */
    private JsonNode shown(R record) {
        ObjectNode json = (ObjectNode) view(record);
        json.put("standardWebhooksSecret", StandardWebhooks.secret(record));
        return json;
    }

    @Override
    public final boolean delete(String id) {
        return store.delete(storedId(id));
    }

    /**
     * The new record from the caller's fields (a copy this may change): filled in, checked, parsed.
     *
     * @param check holds the record, in the API's own shape, to the API's schema (400 naming the first field that
     *              does not match)
     */
    protected abstract R parse(ObjectNode record, Consumer<JsonNode> check);

    /** The record as the admin API shows it (an object). */
    protected abstract JsonNode view(R record);

    /** The store's id for an id in an admin URL; by default the same. */
    protected String storedId(String id) {
        return id;
    }
}
