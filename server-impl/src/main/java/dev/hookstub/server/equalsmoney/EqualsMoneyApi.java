package dev.hookstub.server.equalsmoney;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.core.ExampleRequest;
import dev.hookstub.server.core.StubApiBase;
import dev.hookstub.server.auth.Credentials;
import dev.hookstub.server.clock.IdGenerator;
import dev.hookstub.server.config.Fixtures;
import dev.hookstub.server.error.MessageErrorFormat;
import dev.hookstub.server.core.ApiResourceConfig;
import dev.hookstub.server.store.WebhookStore;
import dev.hookstub.server.validation.SpecRequestValidator;
import java.time.Clock;

public final class EqualsMoneyApi extends StubApiBase<EqualsMoneyWebhookRecord> {

    public EqualsMoneyApi(Credentials credentials, WebhookStore<EqualsMoneyWebhookRecord> store, Fixtures fixtures,
                          ObjectMapper mapper, IdGenerator ids, Clock clock) {
        super("equalsmoney", "equalsmoney.yaml", "/webhooks/{webhookId}", store, fixtures);
        // The spec declares no error body: {"message": ..., "field": ...}, the stub's own format; a webhookId that is
        // not a UUID names no webhook, so it is a 404.
        MessageErrorFormat errors = new MessageErrorFormat();
        SpecRequestValidator validator = new SpecRequestValidator(spec(), errors);
        EqualsMoneyAuthFilter auth = new EqualsMoneyAuthFilter(credentials.equalsmoney());
        EqualsMoneyWebhookService service = new EqualsMoneyWebhookService(store);
        assemble(new Parts(errors,
                () -> ApiResourceConfig.create(id(), validator, errors, mapper)
                        .register(auth)
                        .register(new EqualsMoneyWebhooksResource(service)),
                new EqualsMoneyFastReads(auth, service, validator, mapper),
                new EqualsMoneyAdminRecords(store, mapper, spec(), clock),
                new EqualsMoneyDeliveries(store, mapper, clock)));
    }

    @Override
    public ExampleRequest exampleRequest() {
        return new ExampleRequest("Authorization", "equals_test_key", "/webhooks/da91434a-4026-42ea-84b8-d0317b64af9c");
    }
}
