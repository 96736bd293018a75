package dev.hookstub.server.mollie;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.server.admin.AdminFields;
import dev.hookstub.server.admin.StoredAdminRecords;
import dev.hookstub.server.clock.Timestamps;
import dev.hookstub.server.core.ApiContext;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.spec.SpecDocument;
import dev.hookstub.server.store.WebhookStore;
import java.util.List;
import java.util.function.Consumer;

/** Admin view of Mollie webhooks: the API's object without {@code _links}, which depend on the request. */
final class MollieAdminRecords extends StoredAdminRecords<MollieWebhookRecord> {

    private static final String PLACEHOLDER_LINK = "https://api.mollie.com/v2/webhooks/";

    private final List<String> eventTypes;
    private final String defaultProfileId;

    MollieAdminRecords(WebhookStore<MollieWebhookRecord> store, ApiContext context, SpecDocument spec,
                       List<String> eventTypes, String defaultProfileId) {
        super(store, context, spec,
                "/paths/~1v2~1webhooks~1{webhookId}/get/responses/200/content/application~1hal+json/schema");
        this.eventTypes = eventTypes;
        this.defaultProfileId = defaultProfileId;
    }

    @Override
    protected MollieWebhookRecord parse(ObjectNode record, Consumer<JsonNode> check) {
        AdminFields.require(record, "url");
        // Not part of the API's schema: checked here, kept out of the schema check, stored with the record.
        JsonNode secret = record.remove("signingSecret");
        if (secret != null && (!secret.isTextual() || secret.asText().isBlank())) {
            throw ApiProblem.invalid(400, "signingSecret", "The signingSecret field must be a non-empty string.");
        }
        AdminFields.fill(record, "resource", () -> "webhook");
        AdminFields.fill(record, "id", () -> "hook_" + ids.alphanumeric(21));
        AdminFields.fill(record, "name", () -> "Webhook");
        AdminFields.fill(record, "eventTypes", () -> List.of("*"));
        AdminFields.fill(record, "status", () -> "enabled");
        AdminFields.fill(record, "mode", () -> "test");
        AdminFields.fill(record, "profileId", () -> defaultProfileId);
        AdminFields.fill(record, "createdAt", () -> Timestamps.utcOffsetSeconds(clock.instant()));
        JsonNode json = mapper.valueToTree(record);
        ObjectNode withLinks = ((ObjectNode) json).deepCopy();
        ObjectNode links = withLinks.putObject("_links");
        links.putObject("self").put("href", PLACEHOLDER_LINK).put("type", "application/hal+json");
        links.putObject("documentation").put("href", MollieWebhookMapper.DOCUMENTATION).put("type", "text/html");
        check.accept(withLinks);
        requireDocumentedEventTypes(record.path("eventTypes"));
        ((ObjectNode) json).put("signingSecret", secret != null ? secret.asText() : ids.alphanumeric(32));
        return MollieWebhookMapper.fromJson(json);
    }

    /**
     * Mollie's schema lists the values only as x-enumDescriptions, which no schema check reads. Named as the admin
     * spec's enum names it for a request ({@code eventTypes.1}), so that a fixture reads the same.
     */
    private void requireDocumentedEventTypes(JsonNode given) {
        for (int i = 0; i < given.size(); i++) {
            if (!eventTypes.contains(given.get(i).asText())) {
                throw ApiProblem.invalid(400, "eventTypes." + i, "The eventTypes." + i + " field must be one of "
                        + "Mollie's documented event types: " + String.join(", ", eventTypes) + ".");
            }
        }
    }

    @Override
    protected JsonNode view(MollieWebhookRecord record) {
        ObjectNode json = mapper.valueToTree(MollieWebhookMapper.toDto(record, PLACEHOLDER_LINK + record.id()));
        json.remove("_links");
        json.put("signingSecret", record.signingSecret());
        return json;
    }
}
