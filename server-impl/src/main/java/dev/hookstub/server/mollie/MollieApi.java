package dev.hookstub.server.mollie;

import dev.hookstub.api.mollie.V2ApiResource;
import dev.hookstub.server.auth.Credentials.MollieToken;
import dev.hookstub.server.clock.Timestamps;
import dev.hookstub.server.api.ApiContext;
import dev.hookstub.server.api.ExampleRequest;
import dev.hookstub.server.api.StubApiBase;
import dev.hookstub.server.operation.ApiOperations;
import dev.hookstub.server.operation.SerializedBodies;
import dev.hookstub.server.record.RecordSchema;
import dev.hookstub.server.record.RecordShape;
import java.util.List;
import java.util.Map;

public final class MollieApi extends StubApiBase {

    static final String LINKS = "_links";
    /** The stub's own: signs the deliveries; the API's GET has no such field, so only the admin API shows it. */
    static final String SIGNING_SECRET = "signingSecret";

    public MollieApi(ApiContext context) {
        super(context, "mollie", "mollie.json", "/v2/webhooks/{webhookId}", new MollieErrorFormat(),
                schema -> records(schema, context));
        List<String> eventTypes = MollieEventTypes.from(spec());
        MollieWebhookService service = new MollieWebhookService(store);
        // Mollie's one operation, defined once for Jersey and the fast path; _links.self.href is the URL as requested, and
        // testmode is read as JAX-RS reads a boolean parameter: true in any case, false otherwise.
        ApiOperations<MollieToken> operations = new ApiOperations<>(spec(),
                new MollieAuthentication(context.credentials().mollie()))
                .defineRead("get-webhook", "application/hal+json",
                        SerializedBodies.withUrl((record, url) -> records.served(record,
                                Map.of(LINKS, MollieLinks.webhook(url))), context.mapper()),
                        (token, request) -> service.get(request.path("webhookId"),
                                Boolean.parseBoolean(request.query("testmode"))));
        assemble(operations, answerer -> new V2ApiResource(answerer::answer),
                new MollieAdminRecords(store, context, records, eventTypes),
                new MollieDeliveries(store, eventTypes, context.mapper()));
    }

    /**
     * What Mollie's webhooks hold beyond what its schema allows: {@code mode} (live or test) decides which requests
     * can see one, {@code status} and {@code eventTypes} which events it gets, its signing secret signs them.
     */
    private static RecordShape records(RecordSchema schema, ApiContext context) {
        String defaultProfile = context.credentials().mollie().get(0).profileId();
        return RecordShape.of(schema)
                .computed(LINKS, "object")
                .timestamp("createdAt", Timestamps::utcOffsetSeconds)
                .stubField(SIGNING_SECRET).signingSecret(SIGNING_SECRET)
                .requiredOnCreate("url")
                .byDefault("id", () -> "hook_" + context.ids().alphanumeric(21))
                .byDefault("resource", () -> "webhook")
                .byDefault("name", () -> "Webhook")
                .byDefault("eventTypes", () -> List.of(MollieEventTypes.ALL_EVENTS))
                .byDefault("status", () -> "enabled")
                .byDefault("mode", () -> "test")
                .byDefault("profileId", () -> defaultProfile)
                .byDefault(SIGNING_SECRET, () -> context.ids().alphanumeric(32))
                .behaviour("id", "string").behaviour("url", "string").behaviour("eventTypes", "array")
                .behaviour("status", "string").behaviour("mode", "string")
                .build(context.mapper());
    }

    @Override
    public ExampleRequest exampleRequest() {
        return new ExampleRequest("Authorization", "Bearer access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM",
                "/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=true");
    }
}
