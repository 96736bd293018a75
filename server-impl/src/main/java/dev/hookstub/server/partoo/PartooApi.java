package dev.hookstub.server.partoo;

import dev.hookstub.server.core.ApiContext;
import dev.hookstub.server.operation.ApiOperations;
import dev.hookstub.server.core.ExampleRequest;
import dev.hookstub.server.core.StubApiBase;
import dev.hookstub.server.store.WebhookStore;

public final class PartooApi extends StubApiBase<PartooWebhookRecord> {

    private final PartooAdminRecords adminRecords;

    public PartooApi(ApiContext context, WebhookStore<PartooWebhookRecord> store) {
        super(context, "partoo", "partoo.yaml", "/webhooks/{webhook_id}", new PartooErrorFormat(), store);
        this.adminRecords = new PartooAdminRecords(store, context, spec());
        ApiOperations<PartooUser> operations = PartooOperations.of(spec(), context.credentials().partoo(),
                new PartooWebhookService(store), context.mapper());
        assemble(operations, () -> new PartooWebhooksResource(operations), adminRecords,
                new PartooDeliveries(store, spec(), context.mapper()));
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
