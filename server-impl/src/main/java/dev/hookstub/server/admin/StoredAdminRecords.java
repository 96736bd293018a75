package dev.hookstub.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.server.clock.IdGenerator;
import dev.hookstub.server.api.AdminRecords;
import dev.hookstub.server.api.ApiContext;
import dev.hookstub.server.delivery.StandardWebhooks;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.record.RecordShape;
import dev.hookstub.server.record.SpecRecord;
import dev.hookstub.server.store.WebhookStore;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * What every API's admin records share: create fills the given fields in as the API's {@link RecordShape} says,
 * holds the record, as the API would serve it, to the API's own schema, lets the API check what it gives behaviour
 * to, and inserts it (409 on a taken id); list and the answer to create show each record in the admin view (its
 * properties, the stub's own fields, the Standard Webhooks secret); delete removes by id.
 */
public abstract class StoredAdminRecords implements AdminRecords {

    protected final WebhookStore<SpecRecord> store;
    protected final RecordShape shape;
    protected final ObjectMapper mapper;
    /** Where the fields the server owns come from: generated ids and secrets, the (steerable) time. */
    protected final IdGenerator ids;
    protected final Clock clock;
    private final RecordValidation validation;
    /** The event types the API documents, which a subscription must name; empty for an API that has none. */
    private final Collection<String> eventTypes;
    /**
     * The spec's own example records seeded at a start, each to be held to the schema by {@link #checkExamples}:
     * checking them at once would load the JSON Schema library before the first answer.
     */
    private final Queue<JsonNode> uncheckedExamples = new ConcurrentLinkedQueue<>();

    protected StoredAdminRecords(WebhookStore<SpecRecord> store, ApiContext context, RecordShape shape) {
        this(store, context, shape, List.of());
    }

    protected StoredAdminRecords(WebhookStore<SpecRecord> store, ApiContext context, RecordShape shape,
                                 Collection<String> eventTypes) {
        this.eventTypes = eventTypes;
        this.store = store;
        this.shape = shape;
        this.mapper = context.mapper();
        this.ids = context.ids();
        this.clock = context.clock();
        this.validation = new RecordValidation(shape.schema().spec(), shape.schema().pointer());
    }

    @Override
    public final JsonNode create(JsonNode fields) {
        return shown(inserted(fields, validation::check, false));
    }

    @Override
    public final void seed(JsonNode fields) {
        inserted(fields, validation::check, false);
    }

    /**
     * A property the schema requires that the example record lacks, and the spec gives no value for, is refused at
     * once: the check of the rest waits, but a record without it would be served without it.
     */
    @Override
    public final void seedExample(JsonNode fields) {
        inserted(fields, record -> uncheckedExamples.add(record.deepCopy()), true);
    }

    @Override
    public final void checkExamples() {
        for (JsonNode record = uncheckedExamples.poll(); record != null; record = uncheckedExamples.poll()) {
            validation.check(record);
        }
    }

    /** The admin API's own path parameter for a record's id ({@code DELETE /{api}/webhooks/{id}}) takes no more. */
    private static final int MAX_ID_CHARS = 256;

    private SpecRecord inserted(JsonNode fields, Consumer<JsonNode> check, boolean example) {
        ObjectNode given = ((ObjectNode) fields).deepCopy();
        JsonNode id = given.get("id");
        if (id != null && id.isTextual() && (id.asText().isEmpty() || id.asText().contains("/")
                || id.asText().length() > MAX_ID_CHARS)) {
            // Stored, it could be neither read (a path segment holds no '/', and none is empty) nor deleted.
            throw ApiProblem.invalid(400, "id", "The id field must be 1 to " + MAX_ID_CHARS + " characters without "
                    + "'/': a record's id is a segment of the URLs that read and delete it.");
        }
        prepare(given);
        ObjectNode filled = shape.filled(given.deepCopy(), clock.instant());
        List<String> missing = shape.missing(filled);
        if (example && !missing.isEmpty()) {
            throw ApiProblem.invalid(400, missing.get(0), "the spec's record schema requires it, and the spec gives"
                    + " no value for it (the example record lacks it, and the property has no example or default): "
                    + "add an example to the property in the spec, or give the API's records in a fixture file "
                    + "(--fixtures)");
        }
        SpecRecord record = shape.record(filled);
        check.accept(mapper.valueToTree(shape.served(record, computedForTheCheck())));
        check(given, record);
        if (!store.insert(record)) {
            throw ApiProblem.conflict("A record with id " + record.id() + " already exists.");
        }
        return record;
    }

    @Override
    public final List<JsonNode> list() {
        return store.all().stream().map(this::shown).toList();
    }

    /** The admin view and the secret of the record's {@code webhook-signature}, which only the admin API knows. */
    private JsonNode shown(SpecRecord record) {
        ObjectNode json = shape.view(record);
        json.put("standardWebhooksSecret", StandardWebhooks.secret(record));
        return json;
    }

    @Override
    public final boolean delete(String id) {
        return store.delete(shape.key(id));
    }

    /**
     * A 400 naming {@code field} unless {@code value} is one of the event types the API documents.
     *
     * @param names how the message names them: "the documented event types", or a list for the reader
     */
    protected final void requireDocumentedEventType(String field, String value, String names) {
        if (!eventTypes.contains(value)) {
            throw ApiProblem.invalid(400, field, "The " + field + " field must be one of " + names + ".");
        }
    }

    /** The event types the API documents, as it lists them. */
    protected final Collection<String> eventTypes() {
        return eventTypes;
    }

    /** Reads the stub's own fields from what the caller gave, before anything is filled in; by default nothing. */
    protected void prepare(ObjectNode given) {
    }

    /** What the API computes for an answer, as the schema check sees the record (Mollie's links); none by default. */
    protected Map<String, Object> computedForTheCheck() {
        return Map.of();
    }

    /**
     * What the API's behaviour needs of a record beyond its schema (a non-empty secret, a documented event type),
     * refused with a 400 naming the field; {@code given} is what the caller gave. By default nothing.
     */
    protected void check(ObjectNode given, SpecRecord record) {
    }
}
