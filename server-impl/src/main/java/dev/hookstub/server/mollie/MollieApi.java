package dev.hookstub.server.mollie;

import dev.hookstub.server.auth.Credentials.MollieToken;
import dev.hookstub.server.core.ApiContext;
import dev.hookstub.server.operation.ApiOperations;
import dev.hookstub.server.core.ExampleRequest;
import dev.hookstub.server.core.StubApiBase;
import dev.hookstub.server.store.WebhookStore;
import java.util.List;

public final class MollieApi extends StubApiBase<MollieWebhookRecord> {

    public MollieApi(ApiContext context, WebhookStore<MollieWebhookRecord> store) {
        super(context, "mollie", "mollie.json", "/v2/webhooks/{webhookId}", new MollieErrorFormat(), store);
        List<String> eventTypes = MollieEventTypes.from(spec());
        ApiOperations<MollieToken> operations = MollieOperations.of(spec(), context.credentials().mollie(),
                new MollieWebhookService(store), context.mapper());
        assemble(operations, () -> new MollieWebhooksResource(operations),
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
