package dev.hookstub.server.mijnklantportaal;

import dev.hookstub.api.mijnklantportaal.WebhooksApiResource;
import dev.hookstub.server.auth.Credentials;
import dev.hookstub.server.clock.Timestamps;
import dev.hookstub.server.api.ApiContext;
import dev.hookstub.server.api.ExampleRequest;
import dev.hookstub.server.api.StubApiBase;
import dev.hookstub.server.operation.ApiOperations;
import dev.hookstub.server.record.RecordSchema;
import dev.hookstub.server.record.RecordShape;
import java.util.List;
import java.util.Map;
import java.util.Set;

public final class MijnklantportaalApi extends StubApiBase {

    /** The stub's own: the tenant (API key owner) a record belongs to; records of other tenants are invisible. */
    static final String TENANT = "tenant";

    private final List<Credentials.MijnklantportaalKey> keys;

    public MijnklantportaalApi(ApiContext context) {
        super(context, "mijnklantportaal", "mijnklantportaal.yaml", "/webhooks/{webhookId}",
                new MijnklantportaalErrorFormat(), schema -> records(schema, context));
        this.keys = context.credentials().mijnklantportaal();
        Set<String> eventTypes = MijnklantportaalEventTypes.from(spec());
        MijnklantportaalWebhookService service = new MijnklantportaalWebhookService(store, records, eventTypes,
                context.ids(), context.clock());
        ApiOperations<MijnklantportaalTenant> operations = MijnklantportaalOperations.of(spec(),
                context.credentials().mijnklantportaal(), service, records, context.mapper());
        assemble(operations, answerer -> new WebhooksApiResource(answerer::answer),
                new MijnklantportaalAdminRecords(store, context, records, eventTypes),
                new MijnklantportaalDeliveries(store, eventTypes, context.mapper()));
    }

    /** Ids {@code wbh_} and 14, a 20-character secret that signs the deliveries, one tenant per API key. */
    static RecordShape records(RecordSchema schema, ApiContext context) {
        String defaultTenant = defaultTenant(context.credentials());
        return RecordShape.of(schema)
                .timestamp("createdAt", Timestamps::atomAmsterdam)
                .stubField(TENANT).signingSecret("secret")
                .requiredOnCreate("url", "type")
                .byDefault("id", () -> "wbh_" + context.ids().lowerAlphanumeric(14))
                .byDefault("secret", () -> context.ids().alphanumeric(20))
                .byDefault(TENANT, () -> defaultTenant)
                .behaviour("id", "string").behaviour("type", "string").behaviour("url", "string")
                .behaviour("secret", "string")
                .build(context.mapper());
    }

    /** Fixtures and admin-created records belong to the first configured key's tenant unless told otherwise. */
    private static String defaultTenant(Credentials credentials) {
        Credentials.MijnklantportaalKey first = credentials.mijnklantportaal().get(0);
        return first.tenant() == null ? first.key() : first.tenant();
    }

    /**
     * A record read with one of the stub's keys belongs to that key's tenant; with a key the stub does not know (a
     * sandbox's), to the tenant of the stub's key in the same place, so that two tenants stay two.
     */
    @Override
    public Map<String, String> recordedFields(String credential, List<String> seen) {
        List<String> unknown = seen.stream().filter(c -> keys.stream().noneMatch(k -> k.key().equals(c))).toList();
        Credentials.MijnklantportaalKey key = keys.stream().filter(k -> k.key().equals(credential)).findFirst()
                .orElse(keys.get(Math.max(0, Math.min(unknown.indexOf(credential), keys.size() - 1))));
        return Map.of(TENANT, key.tenant() == null ? key.key() : key.tenant());
    }

    @Override
    public ExampleRequest exampleRequest() {
        return new ExampleRequest("Authorization", "Bearer mkp_test_key", "/webhooks/wbh_abc12345def678");
    }
}
