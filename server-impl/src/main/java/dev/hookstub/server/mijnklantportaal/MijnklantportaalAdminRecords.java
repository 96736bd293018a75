package dev.hookstub.server.mijnklantportaal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.server.admin.AdminFields;
import dev.hookstub.server.admin.StoredAdminRecords;
import dev.hookstub.server.clock.Timestamps;
import dev.hookstub.server.core.ApiContext;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.spec.SpecDocument;
import dev.hookstub.server.store.WebhookStore;
import java.util.Set;
import java.util.function.Consumer;

final class MijnklantportaalAdminRecords extends StoredAdminRecords<MijnklantportaalWebhookRecord> {

    private final Set<String> eventTypes;
    private final String defaultTenant;

    MijnklantportaalAdminRecords(WebhookStore<MijnklantportaalWebhookRecord> store, ApiContext context,
                                 SpecDocument spec, Set<String> eventTypes, String defaultTenant) {
        super(store, context, spec, "/components/schemas/Webhook");
        this.eventTypes = eventTypes;
        this.defaultTenant = defaultTenant;
    }

    @Override
    protected MijnklantportaalWebhookRecord parse(ObjectNode record, Consumer<JsonNode> check) {
        JsonNode givenTenant = record.path("tenant");
        if (!givenTenant.isMissingNode() && !givenTenant.isNull() && !givenTenant.isTextual()) {
            // Not coerced: 5 would become the tenant "5", an object the tenant "".
            throw ApiProblem.invalid(400, "tenant", "The tenant field must be a string (or null for the first tenant).");
        }
        String tenant = givenTenant.isTextual() ? givenTenant.asText() : defaultTenant;
        record.remove("tenant");
        AdminFields.fill(record, "id", () -> "wbh_" + ids.lowerAlphanumeric(14));
        AdminFields.fill(record, "secret", () -> ids.alphanumeric(20));
        AdminFields.fill(record, "createdAt", () -> Timestamps.atomAmsterdam(clock.instant()));
        AdminFields.require(record, "url", "type");
        check.accept(record);
        if (record.path("secret").asText().isEmpty()) {
            // The secret keys the delivery's HMAC, and an HMAC key cannot be empty.
            throw ApiProblem.invalid(400, "secret", "The secret field must not be empty: it signs the deliveries.");
        }
        if (!eventTypes.contains(record.path("type").asText())) {
            throw ApiProblem.invalid(400, "type", "The type field must be one of the documented event types.");
        }
        if (!MijnklantportaalWebhookService.isAbsoluteHttpUrl(record.path("url").asText())) {
            throw ApiProblem.invalid(400, "url", "The url field must be an absolute http or https URL.");
        }
        try {
            return MijnklantportaalWebhookMapper.fromJson(record, tenant);
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiProblem.invalid(400, "createdAt", "The createdAt field must be an ISO 8601 date-time with offset.");
        }
    }

    @Override
    protected JsonNode view(MijnklantportaalWebhookRecord record) {
        ObjectNode json = mapper.valueToTree(MijnklantportaalWebhookMapper.toDto(record));
        json.put("tenant", record.tenant());
        return json;
    }
}
