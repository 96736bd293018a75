package dev.hookstub.server.mollie;

import dev.hookstub.api.mollie.V2ApiCarrier;
import dev.hookstub.server.auth.Credentials.MollieToken;
import dev.hookstub.server.core.ApiContext;
import dev.hookstub.server.core.ExampleRequest;
import dev.hookstub.server.core.StubApiBase;
import dev.hookstub.server.operation.ApiOperations;
import dev.hookstub.server.operation.SerializedBodies;
import dev.hookstub.server.store.WebhookStore;
import java.util.List;

public final class MollieApi extends StubApiBase<MollieWebhookRecord> {

    public MollieApi(ApiContext context, WebhookStore<MollieWebhookRecord> store) {
        super(context, "mollie", "mollie.json", "/v2/webhooks/{webhookId}", new MollieErrorFormat(), store);
        List<String> eventTypes = MollieEventTypes.from(spec());
        MollieWebhookService service = new MollieWebhookService(store);
        // Mollie's one operation, defined once for both carriers; _links.self.href is the URL as requested, and
        // testmode is read as JAX-RS reads a boolean parameter: true in any case, false otherwise.
        ApiOperations<MollieToken> operations = new ApiOperations<>(spec(),
                new MollieAuthentication(context.credentials().mollie()))
                .defineRead("get-webhook", "application/hal+json",
                        SerializedBodies.withUrl(MollieWebhookMapper::toDto, context.mapper()),
                        (token, request) -> service.get(request.path("webhookId"),
                                Boolean.parseBoolean(request.query("testmode"))));
        assemble(operations, answerer -> new V2ApiCarrier(answerer::answer),
                new MollieAdminRecords(store, context, spec(), eventTypes,
                        context.credentials().mollie().get(0).profileId()),
                new MollieDeliveries(store, eventTypes, context.mapper()));
    }

    @Override
    public ExampleRequest exampleRequest() {
        return new ExampleRequest("Authorization", "Bearer access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM",
                "/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=true");
    }
}
