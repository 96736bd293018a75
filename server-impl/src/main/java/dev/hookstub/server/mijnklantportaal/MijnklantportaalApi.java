package dev.hookstub.server.mijnklantportaal;

import dev.hookstub.api.mijnklantportaal.WebhooksApiCarrier;
import dev.hookstub.server.auth.Credentials;
import dev.hookstub.server.core.ApiContext;
import dev.hookstub.server.core.ExampleRequest;
import dev.hookstub.server.core.StubApiBase;
import dev.hookstub.server.operation.ApiOperations;
import dev.hookstub.server.store.WebhookStore;
import java.util.Set;

public final class MijnklantportaalApi extends StubApiBase<MijnklantportaalWebhookRecord> {

    public MijnklantportaalApi(ApiContext context, WebhookStore<MijnklantportaalWebhookRecord> store) {
        super(context, "mijnklantportaal", "mijnklantportaal.yaml", "/webhooks/{webhookId}",
                new MijnklantportaalErrorFormat(), store);
        Set<String> eventTypes = MijnklantportaalEventTypes.from(spec());
        MijnklantportaalWebhookService service = new MijnklantportaalWebhookService(store, eventTypes, context.ids(),
                context.clock());
        ApiOperations<MijnklantportaalTenant> operations = MijnklantportaalOperations.of(spec(),
                context.credentials().mijnklantportaal(), service, context.mapper());
        assemble(operations, answerer -> new WebhooksApiCarrier(answerer::answer),
                new MijnklantportaalAdminRecords(store, context, spec(), eventTypes,
                        defaultTenant(context.credentials())),
                new MijnklantportaalDeliveries(store, eventTypes, context.mapper()));
    }

    /** Fixtures and admin-created records belong to the first configured key's tenant unless told otherwise. */
    private static String defaultTenant(Credentials credentials) {
        Credentials.MijnklantportaalKey first = credentials.mijnklantportaal().get(0);
        return first.tenant() == null ? first.key() : first.tenant();
    }

    @Override
    public ExampleRequest exampleRequest() {
        return new ExampleRequest("Authorization", "Bearer mkp_test_key", "/webhooks/wbh_abc12345def678");
    }
}
