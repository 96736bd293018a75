package dev.hookstub.server.mijnklantportaal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.server.admin.StoredAdminRecords;
import dev.hookstub.server.api.ApiContext;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.record.RecordShape;
import dev.hookstub.server.record.SpecRecord;
import dev.hookstub.server.store.WebhookStore;
import java.util.Set;

final class MijnklantportaalAdminRecords extends StoredAdminRecords {

    MijnklantportaalAdminRecords(WebhookStore<SpecRecord> store, ApiContext context, RecordShape shape,
                                 Set<String> eventTypes) {
        super(store, context, shape, eventTypes);
    }

    /** The tenant is text, or null (or absent) for the first tenant. */
    @Override
    protected void prepare(ObjectNode fields) {
        JsonNode givenTenant = fields.path(MijnklantportaalApi.TENANT);
        if (!givenTenant.isMissingNode() && !givenTenant.isNull() && !givenTenant.isTextual()) {
            // Not coerced: 5 would become the tenant "5", an object the tenant "".
            throw ApiProblem.invalid(400, "tenant", "The tenant field must be a string (or null for the first tenant).");
        }
        if (givenTenant.isNull()) {
            fields.remove(MijnklantportaalApi.TENANT);
        }
    }

    @Override
    protected void check(ObjectNode given, SpecRecord record) {
        if ("".equals(record.text("secret"))) {
            // The secret keys the delivery's HMAC, and an HMAC key cannot be empty.
            throw ApiProblem.invalid(400, "secret", "The secret field must not be empty: it signs the deliveries.");
        }
        requireDocumentedEventType("type", record.text("type"), "the documented event types");
        if (!MijnklantportaalWebhookService.isAbsoluteHttpUrl(record.text("url"))) {
            throw ApiProblem.invalid(400, "url", "The url field must be an absolute http or https URL.");
        }
    }
}
