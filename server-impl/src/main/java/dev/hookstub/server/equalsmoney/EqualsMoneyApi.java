package dev.hookstub.server.equalsmoney;

import dev.hookstub.api.equalsmoney.WebhooksApiCarrier;
import dev.hookstub.server.auth.Credentials.EqualsMoneyKey;
import dev.hookstub.server.core.ApiContext;
import dev.hookstub.server.core.ExampleRequest;
import dev.hookstub.server.core.StubApiBase;
import dev.hookstub.server.error.MessageErrorFormat;
import dev.hookstub.server.operation.ApiOperations;
import dev.hookstub.server.operation.SerializedBodies;
import dev.hookstub.server.store.WebhookStore;

public final class EqualsMoneyApi extends StubApiBase<EqualsMoneyWebhookRecord> {

    /**
     * The spec declares no error body: {"message": ..., "field": ...}, the stub's own format; a webhookId that is not
     * a UUID names no webhook, so it is a 404.
     */
    public EqualsMoneyApi(ApiContext context, WebhookStore<EqualsMoneyWebhookRecord> store) {
        super(context, "equalsmoney", "equalsmoney.yaml", "/webhooks/{webhookId}", new MessageErrorFormat(), store);
        EqualsMoneyWebhookService service = new EqualsMoneyWebhookService(store);
        // Equals Money's one operation, defined once for both carriers. The id is a UUID by the spec's rules; the
        // service reads it in any case.
        ApiOperations<EqualsMoneyKey> operations = new ApiOperations<>(spec(),
                new EqualsMoneyAuthentication(context.credentials().equalsmoney()))
                .defineRead("findOneWebhook", "application/json",
                        SerializedBodies.of(EqualsMoneyWebhookMapper::toDto, context.mapper()),
                        (key, request) -> service.get(key, request.path("webhookId"), request.query("accountId")));
        assemble(operations, answerer -> new WebhooksApiCarrier(answerer::answer),
                new EqualsMoneyAdminRecords(store, context, spec()),
                new EqualsMoneyDeliveries(store, context.mapper(), context.clock()));
    }

    @Override
    public ExampleRequest exampleRequest() {
        return new ExampleRequest("Authorization", "equals_test_key", "/webhooks/da91434a-4026-42ea-84b8-d0317b64af9c");
    }
}
