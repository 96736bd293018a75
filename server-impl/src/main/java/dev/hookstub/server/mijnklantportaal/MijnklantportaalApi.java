package dev.hookstub.server.mijnklantportaal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.core.ExampleRequest;
import dev.hookstub.server.core.StubApiBase;
import dev.hookstub.server.auth.Credentials;
import dev.hookstub.server.clock.IdGenerator;
import dev.hookstub.server.config.Fixtures;
import dev.hookstub.server.core.ApiResourceConfig;
import dev.hookstub.server.store.WebhookStore;
import dev.hookstub.server.validation.SpecRequestValidator;
import java.time.Clock;
import java.util.Set;

public final class MijnklantportaalApi extends StubApiBase<MijnklantportaalWebhookRecord> {

    public MijnklantportaalApi(Credentials credentials, WebhookStore<MijnklantportaalWebhookRecord> store,
                               Fixtures fixtures, ObjectMapper mapper, IdGenerator ids, Clock clock) {
        super("mijnklantportaal", "mijnklantportaal.yaml", "/webhooks/{webhookId}", store, fixtures);
        Set<String> eventTypes = MijnklantportaalEventTypes.from(spec());
        MijnklantportaalErrorFormat errors = new MijnklantportaalErrorFormat();
        SpecRequestValidator validator = new SpecRequestValidator(spec(), errors);
        MijnklantportaalAuthFilter auth = new MijnklantportaalAuthFilter(credentials.mijnklantportaal());
        MijnklantportaalWebhookService service = new MijnklantportaalWebhookService(store, eventTypes, ids, clock);
        assemble(new Parts(errors,
                () -> ApiResourceConfig.create(id(), validator, errors, mapper)
                        .register(auth)
                        .register(new MijnklantportaalWebhooksResource(service)),
                new MijnklantportaalFastReads(auth, service, validator, errors, mapper),
                new MijnklantportaalAdminRecords(store, mapper, spec(), eventTypes, defaultTenant(credentials), ids,
                        clock),
                new MijnklantportaalDeliveries(store, eventTypes, mapper)));
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
