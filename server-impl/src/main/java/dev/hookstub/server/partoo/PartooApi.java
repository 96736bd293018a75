package dev.hookstub.server.partoo;

import dev.hookstub.api.partoo.WebhooksApiResource;
import dev.hookstub.server.clock.Timestamps;
import dev.hookstub.server.api.ApiContext;
import dev.hookstub.server.api.ExampleRequest;
import dev.hookstub.server.api.StubApiBase;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.operation.ApiOperations;
import dev.hookstub.server.operation.SerializedBodies;
import dev.hookstub.server.record.RecordSchema;
import dev.hookstub.server.record.RecordShape;
import java.math.BigInteger;

public final class PartooApi extends StubApiBase {

    private final PartooAdminRecords adminRecords;

    public PartooApi(ApiContext context) {
        super(context, "partoo", "partoo.yaml", "/webhooks/{webhook_id}", new PartooErrorFormat(),
                schema -> records(schema, context));
        this.adminRecords = new PartooAdminRecords(store, context, records);
        PartooWebhookService service = new PartooWebhookService(store);
        // Partoo's one operation, defined once for Jersey and the fast path.
        ApiOperations<PartooUser> operations = new ApiOperations<>(spec(),
                new PartooAuthentication(context.credentials().partoo()))
                .defineRead("getWebhook", "application/json", SerializedBodies.of(records::served, context.mapper()),
                        (user, request) -> service.get(user, integer(request.path("webhook_id")),
                                integer(request.query("org_id"))));
        assemble(operations, answerer -> new WebhooksApiResource(answerer::answer), adminRecords,
                new PartooDeliveries(store, spec(), context.mapper()));
    }

    /**
     * Integer ids in sequence (see {@link PartooAdminRecords}); {@code org_id} is the tenancy, {@code event_type}
     * and {@code custom_headers} make the deliveries. Records stored before the stub kept them by the spec's names
     * had the Java record's names.
     */
    private static RecordShape records(RecordSchema schema, ApiContext context) {
        return RecordShape.of(schema)
                .timestamp("created_at", Timestamps::utcMicros).timestamp("updated_at", Timestamps::utcMicros)
                .requiredOnCreate("url", "event_type")
                .byDefault("org_id", () -> 1)
                .behaviour("id", "integer").behaviour("url", "string").behaviour("event_type", "string")
                .behaviour("org_id", "integer").behaviour("custom_headers", "object")
                .earlierName("webhookId", "id").earlierName("eventType", "event_type")
                .earlierName("createdAt", "created_at").earlierName("updatedAt", "updated_at")
                .earlierName("orgId", "org_id").earlierName("customHeaders", "custom_headers")
                .build(context.mapper());
    }

    /**
     * An integer parameter (unbounded, as the spec declares it), or null when absent. The spec's rules have
     * accepted it as an integer; a value they let through that is still none names nothing.
     */
    private static BigInteger integer(String value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigInteger(value.strip());
        } catch (NumberFormatException notInteger) {
            throw ApiProblem.notFound("Resource not found");
        }
    }

    /** Ids start again from 1 once the store is empty. */
    @Override
    public void clearRecords() {
        super.clearRecords();
        adminRecords.restartIds();
    }

    @Override
    public ExampleRequest exampleRequest() {
        return new ExampleRequest("x-APIKey", "partoo_test_key", "/webhooks/1");
    }
}
