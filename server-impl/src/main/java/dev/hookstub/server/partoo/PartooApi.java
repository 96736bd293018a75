package dev.hookstub.server.partoo;

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

public final class PartooApi extends StubApiBase<PartooWebhookRecord> {

    private final PartooAdminRecords adminRecords;

    public PartooApi(Credentials credentials, WebhookStore<PartooWebhookRecord> store, Fixtures fixtures,
                     ObjectMapper mapper, IdGenerator ids, Clock clock) {
        super("partoo", "partoo.yaml", "/webhooks/{webhook_id}", store, fixtures);
        PartooErrorFormat errors = new PartooErrorFormat();
        SpecRequestValidator validator = new SpecRequestValidator(spec(), errors);
        PartooAuthFilter auth = new PartooAuthFilter(credentials.partoo());
        PartooWebhookService service = new PartooWebhookService(store);
        this.adminRecords = new PartooAdminRecords(store, mapper, spec(), clock);
        assemble(new Parts(errors,
                () -> ApiResourceConfig.create(id(), validator, errors, mapper)
                        .register(auth)
                        .register(new PartooWebhooksResource(service)),
                new PartooFastReads(auth, service, validator, mapper),
                adminRecords,
                new PartooDeliveries(store, spec(), mapper)));
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
