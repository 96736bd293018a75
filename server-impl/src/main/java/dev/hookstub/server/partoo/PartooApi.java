package dev.hookstub.server.partoo;

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

public final class PartooApi implements StubApi {

    private final SpecDocument spec = SpecDocument.load("partoo.yaml");
    private final WebhookStore<PartooWebhookRecord> store;
    private final ResourceConfig application;
    private final FastReads fastReads;
    private final PartooErrorFormat errors = new PartooErrorFormat();
    private final Fixtures fixtures;
    private final PartooAdminRecords adminRecords;
    private final PartooDeliveries deliveries;

    public PartooApi(Credentials credentials, WebhookStore<PartooWebhookRecord> store, Fixtures fixtures,
                     ObjectMapper mapper, IdGenerator ids, Clock clock) {
        this.store = store;
        this.fixtures = fixtures;
        this.adminRecords = new PartooAdminRecords(store, mapper, spec, clock);
        this.deliveries = new PartooDeliveries(store, spec, mapper);
        SpecRequestValidator validator = new SpecRequestValidator(spec, errors);
        PartooAuthFilter auth = new PartooAuthFilter(credentials.partoo());
        PartooWebhookService service = new PartooWebhookService(store);
        this.application = ApiResourceConfig.create(id(), validator, errors, mapper)
                .register(auth)
                .register(new PartooWebhooksResource(service));
        this.fastReads = new PartooFastReads(auth, service, validator, mapper);
        if (store.needsSeeding()) {
            reset();
        }
    }

    @Override
    public String id() {
        return "partoo";
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
                .orElseGet(() -> List.of(SpecExamples.response(spec, "/webhooks/{webhook_id}", "get", "200")));
    }

    @Override
    public String fixtureSource() {
        return fixtures.source(id()).map(Object::toString).orElse(spec.file() + " (its example record)");
    }

    @Override
    public void clearRecords() {
        store.replaceAll(List.of());
        adminRecords.restartIds();
    }

    @Override
    public String exampleRequest(String baseUrl) {
        return "curl -H 'x-APIKey: partoo_test_key' " + baseUrl + contextPath() + "/webhooks/1";
    }
}
