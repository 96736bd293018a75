package dev.hookstub.server.mijnklantportaal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.StubApi;
import java.util.Set;
import dev.hookstub.server.admin.AdminRecords;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.server.auth.Credentials;
import dev.hookstub.server.config.Fixtures;
import dev.hookstub.server.delivery.WebhookDeliveries;
import dev.hookstub.server.clock.IdGenerator;
import dev.hookstub.server.http.ApiResourceConfig;
import dev.hookstub.server.http.FastReads;
import dev.hookstub.server.spec.SpecDocument;
import dev.hookstub.server.spec.SpecExamples;
import dev.hookstub.server.store.WebhookStore;
import dev.hookstub.server.validation.SpecRequestValidator;
import java.time.Clock;
import java.util.List;
import org.glassfish.jersey.server.ResourceConfig;

public final class MijnklantportaalApi implements StubApi {

    private final SpecDocument spec = SpecDocument.load("mijnklantportaal.yaml");
    private final WebhookStore<MijnklantportaalWebhookRecord> store;
    private final Credentials credentials;
    private final ResourceConfig application;
    private final FastReads fastReads;
    private final MijnklantportaalErrorFormat errors = new MijnklantportaalErrorFormat();
    private final Fixtures fixtures;
    private final MijnklantportaalAdminRecords adminRecords;
    private final MijnklantportaalDeliveries deliveries;

    public MijnklantportaalApi(Credentials credentials, WebhookStore<MijnklantportaalWebhookRecord> store, Fixtures fixtures,
                               ObjectMapper mapper, IdGenerator ids, Clock clock) {
        this.store = store;
        this.fixtures = fixtures;
        this.credentials = credentials;
        Set<String> eventTypes = MijnklantportaalEventTypes.from(spec);
        MijnklantportaalWebhookService service = new MijnklantportaalWebhookService(store, eventTypes, ids, clock);
        this.adminRecords = new MijnklantportaalAdminRecords(store, mapper, spec, eventTypes, defaultTenant(), ids, clock);
        this.deliveries = new MijnklantportaalDeliveries(store, eventTypes, mapper);
        SpecRequestValidator validator = new SpecRequestValidator(spec, errors);
        MijnklantportaalAuthFilter auth = new MijnklantportaalAuthFilter(credentials.mijnklantportaal());
        this.application = ApiResourceConfig.create(id(), validator, errors, mapper)
                .register(auth)
                .register(new MijnklantportaalWebhooksResource(service));
        this.fastReads = new MijnklantportaalFastReads(auth, service, validator, errors, mapper);
        if (store.needsSeeding()) {
            reset();
        }
    }

    @Override
    public String id() {
        return "mijnklantportaal";
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

    /** Fixtures and admin-created records belong to the first configured key's tenant unless told otherwise. */
    private String defaultTenant() {
        Credentials.MijnklantportaalKey first = credentials.mijnklantportaal().get(0);
        return first.tenant() == null ? first.key() : first.tenant();
    }

    @Override
    public String exampleRequest(String baseUrl) {
        return "curl -H 'Authorization: Bearer mkp_test_key' " + baseUrl + contextPath() + "/webhooks/wbh_abc12345def678";
    }
}
