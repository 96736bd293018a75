package dev.hookstub.server.mollie;

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

public final class MollieApi implements StubApi {

    private final SpecDocument spec = SpecDocument.load("mollie.json");
    private final WebhookStore<MollieWebhookRecord> store;
    private final ResourceConfig application;
    private final FastReads fastReads;
    private final MollieErrorFormat errors = new MollieErrorFormat();
    private final Fixtures fixtures;
    private final MollieAdminRecords adminRecords;
    private final MollieDeliveries deliveries;

    public MollieApi(Credentials credentials, WebhookStore<MollieWebhookRecord> store, Fixtures fixtures,
                     ObjectMapper mapper, IdGenerator ids, Clock clock) {
        this.store = store;
        this.fixtures = fixtures;
        this.adminRecords = new MollieAdminRecords(store, mapper, spec, credentials.mollie().get(0).profileId(), ids, clock);
        this.deliveries = new MollieDeliveries(store, mapper);
        SpecRequestValidator validator = new SpecRequestValidator(spec, errors);
        MollieAuthFilter auth = new MollieAuthFilter(credentials.mollie());
        MollieWebhookService service = new MollieWebhookService(store);
        this.application = ApiResourceConfig.create(id(), validator, errors, mapper)
                .register(auth)
                .register(new MollieWebhooksResource(service));
        this.fastReads = new MollieFastReads(auth, service, validator, mapper);
        if (store.needsSeeding()) {
            reset();
        }
    }

    @Override
    public String id() {
        return "mollie";
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
                .orElseGet(() -> List.of(SpecExamples.response(spec, "/v2/webhooks/{webhookId}", "get", "200")));
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
        return "curl -H 'Authorization: Bearer access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM' " + baseUrl + contextPath()
                + "/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=true";
    }
}
