package dev.hookstub.server.partoo;

import dev.hookstub.api.partoo.WebhooksApiCarrier;
import dev.hookstub.server.core.ApiContext;
import dev.hookstub.server.core.ExampleRequest;
import dev.hookstub.server.core.StubApiBase;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.operation.ApiOperations;
import dev.hookstub.server.operation.SerializedBodies;
import dev.hookstub.server.store.WebhookStore;
import java.math.BigInteger;

public final class PartooApi extends StubApiBase<PartooWebhookRecord> {

    private final PartooAdminRecords adminRecords;

    public PartooApi(ApiContext context, WebhookStore<PartooWebhookRecord> store) {
        super(context, "partoo", "partoo.yaml", "/webhooks/{webhook_id}", new PartooErrorFormat(), store);
        this.adminRecords = new PartooAdminRecords(store, context, spec());
        PartooWebhookService service = new PartooWebhookService(store);
        // Partoo's one operation, defined once for both carriers.
        ApiOperations<PartooUser> operations = new ApiOperations<>(spec(),
                new PartooAuthentication(context.credentials().partoo()))
                .defineRead("getWebhook", "application/json",
                        SerializedBodies.of(PartooWebhookMapper::toDto, context.mapper()),
                        (user, request) -> service.get(user, integer(request.path("webhook_id")),
                                integer(request.query("org_id"))));
        assemble(operations, answerer -> new WebhooksApiCarrier(answerer::answer), adminRecords,
                new PartooDeliveries(store, spec(), context.mapper()));
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
