package dev.hookstub.server.mollie;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.server.admin.StoredAdminRecords;
import dev.hookstub.server.api.ApiContext;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.record.RecordShape;
import dev.hookstub.server.record.SpecRecord;
import dev.hookstub.server.store.WebhookStore;
import java.util.List;
import java.util.Map;

/**
 * Mollie's admin records: its signing secret is a non-empty string, a record is checked with the links it would be
 * served with, and a subscription names only event types Mollie documents.
 */
final class MollieAdminRecords extends StoredAdminRecords {

    private static final String PLACEHOLDER_LINK = "https://api.mollie.com/v2/webhooks/";

    MollieAdminRecords(WebhookStore<SpecRecord> store, ApiContext context, RecordShape shape,
                       List<String> eventTypes) {
        super(store, context, shape, eventTypes);
    }

    /** Not part of the API's schema: checked here, kept out of the schema check, stored with the record. */
    @Override
    protected void prepare(ObjectNode fields) {
        JsonNode secret = fields.get(MollieApi.SIGNING_SECRET);
        if (secret != null && (!secret.isTextual() || secret.asText().isBlank())) {
            throw ApiProblem.invalid(400, MollieApi.SIGNING_SECRET,
                    "The signingSecret field must be a non-empty string.");
        }
    }

    @Override
    protected Map<String, Object> computedForTheCheck() {
        return Map.of(MollieApi.LINKS, MollieLinks.webhook(PLACEHOLDER_LINK));
    }

    /**
     * Mollie's schema lists the values only as x-enumDescriptions, which no schema check reads. Named as the admin
     * spec's enum names it for a request ({@code eventTypes.1}), so that a fixture reads the same.
     */
    @Override
    protected void check(ObjectNode given, SpecRecord record) {
        List<String> subscribed = record.texts("eventTypes");
        String documented = "Mollie's documented event types: " + String.join(", ", eventTypes());
        for (int i = 0; i < subscribed.size(); i++) {
            requireDocumentedEventType("eventTypes." + i, subscribed.get(i), documented);
        }
    }
}
