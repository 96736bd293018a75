package dev.hookstub.server.equalsmoney;

import dev.hookstub.api.equalsmoney.WebhooksApiResource;
import dev.hookstub.server.auth.Credentials.EqualsMoneyKey;
import dev.hookstub.server.clock.Timestamps;
import dev.hookstub.server.api.ApiContext;
import dev.hookstub.server.api.ExampleRequest;
import dev.hookstub.server.api.StubApiBase;
import dev.hookstub.server.error.MessageErrorFormat;
import dev.hookstub.server.operation.ApiOperations;
import dev.hookstub.server.operation.SerializedBodies;
import dev.hookstub.server.record.RecordSchema;
import dev.hookstub.server.record.RecordShape;
import java.util.Locale;

public final class EqualsMoneyApi extends StubApiBase {

    /**
     * The spec declares no error body: {"message": ..., "field": ...}, the stub's own format; a webhookId that is not
     * a UUID names no webhook, so it is a 404.
     */
    public EqualsMoneyApi(ApiContext context) {
        super(context, "equalsmoney", "equalsmoney.yaml", "/webhooks/{webhookId}", new MessageErrorFormat(),
                schema -> records(schema, context));
        EqualsMoneyWebhookService service = new EqualsMoneyWebhookService(store);
        // Equals Money's one operation, defined once for Jersey and the fast path. The id is a UUID by the spec's rules; the
        // service reads it in any case.
        ApiOperations<EqualsMoneyKey> operations = new ApiOperations<>(spec(),
                new EqualsMoneyAuthentication(context.credentials().equalsmoney()))
                .defineRead("findOneWebhook", "application/json", SerializedBodies.of(records::served, context.mapper()),
                        (key, request) -> service.get(key, request.path("webhookId"), request.query("accountId")));
        assemble(operations, answerer -> new WebhooksApiResource(answerer::answer),
                new EqualsMoneyAdminRecords(store, context, records),
                new EqualsMoneyDeliveries(store, context.mapper(), context.clock()));
    }

    /**
     * UUID ids in any case; {@code accountId} is also the tenancy; {@code enabled}, the event type's name, the
     * shared secret and the authorization header make the deliveries.
     */
    private static RecordShape records(RecordSchema schema, ApiContext context) {
        return RecordShape.of(schema)
                .timestamp("createdAt", Timestamps::utcSecondsText).timestamp("updatedAt", Timestamps::utcSecondsText)
                .keys(id -> id.toLowerCase(Locale.ROOT)).signingSecret("sharedSecret")
                .requiredOnCreate("url", "webhookEventTypeName")
                .byDefault("id", () -> context.ids().uuid().toString())
                .byDefault("productId", () -> context.ids().uuid().toString())
                .byDefault("webhookEventTypeId", () -> context.ids().uuid().toString())
                .byDefault("accountId", () -> null)
                .byDefault("authorizationHeader", () -> null)
                .byDefault("enabled", () -> true)
                .byDefault("sharedSecret", () -> null)
                .behaviour("id", "string").behaviour("webhookEventTypeName", "string").behaviour("accountId", "string")
                .behaviour("url", "string").behaviour("authorizationHeader", "string").behaviour("enabled", "boolean")
                .behaviour("sharedSecret", "string")
                .build(context.mapper());
    }

    @Override
    public ExampleRequest exampleRequest() {
        return new ExampleRequest("Authorization", "equals_test_key", "/webhooks/da91434a-4026-42ea-84b8-d0317b64af9c");
    }
}
