package dev.hookstub.server.equalsmoney;

import dev.hookstub.server.auth.Credentials.EqualsMoneyKey;
import dev.hookstub.server.core.ApiContext;
import dev.hookstub.server.operation.ApiOperations;
import dev.hookstub.server.core.ExampleRequest;
import dev.hookstub.server.core.StubApiBase;
import dev.hookstub.server.error.MessageErrorFormat;
import dev.hookstub.server.store.WebhookStore;

public final class EqualsMoneyApi extends StubApiBase<EqualsMoneyWebhookRecord> {

    /**
     * The spec declares no error body: {"message": ..., "field": ...}, the stub's own format; a webhookId that is not
     * a UUID names no webhook, so it is a 404.
     */
    public EqualsMoneyApi(ApiContext context, WebhookStore<EqualsMoneyWebhookRecord> store) {
        super(context, "equalsmoney", "equalsmoney.yaml", "/webhooks/{webhookId}", new MessageErrorFormat(), store);
        ApiOperations<EqualsMoneyKey> operations = EqualsMoneyOperations.of(spec(),
                context.credentials().equalsmoney(), new EqualsMoneyWebhookService(store), context.mapper());
        assemble(operations, () -> new EqualsMoneyWebhooksResource(operations),
                new EqualsMoneyAdminRecords(store, context, spec()),
                new EqualsMoneyDeliveries(store, context.mapper(), context.clock()));
    }

    @Override
    public ExampleRequest exampleRequest() {
        return new ExampleRequest("Authorization", "equals_test_key", "/webhooks/da91434a-4026-42ea-84b8-d0317b64af9c");
    }
}
