package dev.hookstub.server.equalsmoney;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.StubApi;
import java.time.Clock;
import dev.hookstub.server.clock.IdGenerator;
import dev.hookstub.server.admin.AdminRecords;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.server.auth.Credentials;
import dev.hookstub.server.config.Fixtures;
import dev.hookstub.server.delivery.WebhookDeliveries;
import dev.hookstub.server.http.ApiResourceConfig;
import dev.hookstub.server.http.FastReads;
import dev.hookstub.server.spec.SpecDocument;
import dev.hookstub.server.spec.SpecExamples;
import dev.hookstub.server.store.WebhookStore;
import dev.hookstub.server.validation.SpecRequestValidator;
import java.util.List;
import org.glassfish.jersey.server.ResourceConfig;

public final class EqualsMoneyApi implements StubApi {

    private final SpecDocument spec = SpecDocument.load("equalsmoney.yaml");
    private final WebhookStore<EqualsMoneyWebhookRecord> store;
    private final ResourceConfig application;
    private final FastReads fastReads;
    private final EqualsMoneyErrorFormat errors = new EqualsMoneyErrorFormat();
    private final Fixtures fixtures;
    private final EqualsMoneyAdminRecords adminRecords;
    private final EqualsMoneyDeliveries deliveries;

    public EqualsMoneyApi(Credentials credentials, WebhookStore<EqualsMoneyWebhookRecord> store, Fixtures fixtures,
                     ObjectMapper mapper, IdGenerator ids, Clock clock) {
        this.store = store;
        this.fixtures = fixtures;
        this.adminRecords = new EqualsMoneyAdminRecords(store, mapper, spec, clock);
        this.deliveries = new EqualsMoneyDeliveries(store, mapper, clock);
        SpecRequestValidator validator = new SpecRequestValidator(spec, errors);
        EqualsMoneyAuthFilter auth = new EqualsMoneyAuthFilter(credentials.equalsmoney());
        EqualsMoneyWebhookService service = new EqualsMoneyWebhookService(store);
        this.application = ApiResourceConfig.create(id(), validator, errors, mapper)
                .register(auth)
                .register(new EqualsMoneyWebhooksResource(service));
        this.fastReads = new EqualsMoneyFastReads(auth, service, validator, mapper);
        if (store.needsSeeding()) {
            reset();
        }
    }

    @Override
    public String id() {
        return "equalsmoney";
    }

    @Override
    public SpecDocument spec() {
        return spec;
    }

    @Override
    public ResourceConfig application() {
        return application;
    }

    @Override
    public dev.hookstub.server.error.ErrorFormat errorFormat() {
        return errors;
    }

    @Override
    public FastReads fastReads() {
        return fastReads;
    }

    @Override
    public AdminRecords adminRecords() {
        return adminRecords;
    }

    @Override
    public WebhookDeliveries deliveries() {
        return deliveries;
    }

    @Override
    public List<JsonNode> fixtures() {
        return fixtures.forApi(id())
                .orElseGet(() -> List.of(SpecExamples.response(spec, "/webhooks/{webhookId}", "get", "200")));
    }

    @Override
    public String fixtureSource() {
        return fixtures.source(id()).map(Object::toString).orElse(spec.file() + " (its example record)");
    }

    @Override
    public void clearRecords() {
        store.replaceAll(List.of());
    }

    @Override
    public String exampleRequest(String baseUrl) {
        return "curl -H 'Authorization: equals_test_key' " + baseUrl + contextPath()
                + "/webhooks/da91434a-4026-42ea-84b8-d0317b64af9c";
    }
}
