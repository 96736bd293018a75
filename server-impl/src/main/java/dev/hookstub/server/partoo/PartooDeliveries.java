package dev.hookstub.server.partoo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.clock.Timestamps;
import dev.hookstub.server.delivery.DeliveryEnvelope;
import dev.hookstub.server.delivery.DeliveryOptions;
import dev.hookstub.server.delivery.RetrySchedule;
import dev.hookstub.server.delivery.StoredWebhookDeliveries;
import dev.hookstub.server.record.SpecRecord;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.server.store.WebhookStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Partoo's deliveries: every webhook of the event's {@code event_type}, with the webhook's {@code custom_headers}
 * on each request (they can add headers, never replace the stub's). Partoo documents no signature, so none is sent:
 * a receiver authenticates Partoo with a secret custom header. Partoo documents that it retries a 5xx "up to 5 times
 * with exponential backoff" and never a 4xx; it gives no delays, so the stub's backoff supplies them.
 */
final class PartooDeliveries extends StoredWebhookDeliveries<SpecRecord> {

    static final int DOCUMENTED_RETRIES = 5;

    /** Partoo's ids are numbers, in the envelope too. */
    private static final DeliveryEnvelope<SpecRecord> ENVELOPE =
            new DeliveryEnvelope<SpecRecord>()
                .deliveryId("id").webhook("webhook_id", webhook -> webhook.json("id")).eventType("event_type")
                .webhook("org_id", webhook -> webhook.json("org_id")).time("created_at", Timestamps::utcMicros)
                .payload("data");

    PartooDeliveries(WebhookStore<SpecRecord> store, OpenApiSpec spec, ObjectMapper mapper) {
        super(store, mapper, ENVELOPE, webhook -> webhook.text("url"), new EventTypes(documented(spec), "Partoo's"));
    }

    private static List<String> documented(OpenApiSpec spec) {
        List<String> types = new ArrayList<>();
        spec.node("/components/schemas/event_type/enum").forEach(type -> types.add(type.asText()));
        return types;
    }

    /** An attempt without an answer (a timeout, a refused connection) is retried too: Partoo says nothing of it. */
    @Override
    public RetrySchedule retrySchedule(DeliveryOptions options) {
        return RetrySchedule.backoff(options.withRetries(DOCUMENTED_RETRIES))
                .onlyAfter(status -> status == null || status / 100 == 5);
    }

    @Override
    protected boolean subscribed(SpecRecord webhook, String type) {
        return type.equals(webhook.text("event_type"));
    }

    @Override
    protected Map<String, String> customHeaders(SpecRecord webhook) {
        Map<String, String> headers = new LinkedHashMap<>();
        webhook.json("custom_headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        return headers;
    }
}
