package dev.hookstub.server.mollie;

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
import java.util.List;

public final class MollieApi extends StubApiBase<MollieWebhookRecord> {

    public MollieApi(Credentials credentials, WebhookStore<MollieWebhookRecord> store, Fixtures fixtures,
                     ObjectMapper mapper, IdGenerator ids, Clock clock) {
        super("mollie", "mollie.json", "/v2/webhooks/{webhookId}", store, fixtures);
        MollieErrorFormat errors = new MollieErrorFormat();
        SpecRequestValidator validator = new SpecRequestValidator(spec(), errors);
        MollieAuthFilter auth = new MollieAuthFilter(credentials.mollie());
        MollieWebhookService service = new MollieWebhookService(store);
        List<String> eventTypes = MollieEventTypes.from(spec());
        assemble(new Parts(errors,
                () -> ApiResourceConfig.create(id(), validator, errors, mapper)
                        .register(auth)
                        .register(new MollieWebhooksResource(service)),
                new MollieFastReads(auth, service, validator, mapper),
                new MollieAdminRecords(store, mapper, spec(), eventTypes, credentials.mollie().get(0).profileId(), ids,
                        clock),
                new MollieDeliveries(store, eventTypes, mapper)));
    }

    @Override
    public ExampleRequest exampleRequest() {
        return new ExampleRequest("Authorization", "Bearer access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM",
                "/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=true");
    }
}
