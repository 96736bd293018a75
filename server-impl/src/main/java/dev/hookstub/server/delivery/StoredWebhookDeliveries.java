package dev.hookstub.server.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.store.StoredRecord;
import dev.hookstub.server.store.WebhookStore;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What every API's deliveries share: refuse a type the API does not document (where it documents them), take
 * every stored webhook subscribed to the event, and plan one request each to the webhook's URL: a new delivery id,
 * the API's {@link DeliveryEnvelope} around the payload, the provider's headers over that body, the webhook's own
 * headers. An API says which webhooks are subscribed, what its envelope and headers are, and what a 410 does.
 */
public abstract class StoredWebhookDeliveries<R extends StoredRecord> implements WebhookDeliveries {

    protected final WebhookStore<R> store;
    private final ObjectMapper mapper;
    private final DeliveryEnvelope<R> envelope;
    private final Function<R, String> url;

    /** @param url where a webhook's deliveries go */
    protected StoredWebhookDeliveries(WebhookStore<R> store, ObjectMapper mapper, DeliveryEnvelope<R> envelope,
                                      Function<R, String> url) {
        this.store = store;
        this.mapper = mapper;
        this.envelope = envelope;
        this.url = url;
    }

    @Override
    public final List<PlannedDelivery> plan(TriggeredEvent event) {
        checkType(event.type());
        return store.all().stream()
                .filter(webhook -> subscribed(webhook, event.type()))
                .map(webhook -> plan(webhook, event))
                .toList();
    }

    private PlannedDelivery plan(R webhook, TriggeredEvent event) {
        String deliveryId = event.newDeliveryId();
        String body = envelope.write(mapper, deliveryId, webhook, event).toString();
        return new PlannedDelivery(deliveryId, webhook.id(), url.apply(webhook), body, providerHeaders(webhook, body),
                customHeaders(webhook), StandardWebhooks.secret(webhook));
    }

    /** Throws an {@code ApiProblem} (400, field {@code type}) for a type the API does not document; by default none. */
    protected void checkType(String type) {
    }

    /** Whether the webhook gets events of this type. */
    protected abstract boolean subscribed(R webhook, String type);

    /** The provider's headers for this body: its signature, its {@code Authorization}; by default none. */
    protected Map<String, String> providerHeaders(R webhook, String body) {
        return Map.of();
    }

    /** The headers the webhook's owner configured; by default none. */
    protected Map<String, String> customHeaders(R webhook) {
        return Map.of();
    }

    /** The 400 for a type not in {@code types}; the message lists them in their order, as {@code whose} event types. */
    protected static void requireOneOf(String type, Collection<String> types, String whose) {
        if (!types.contains(type)) {
            throw ApiProblem.invalid(400, "type", "The type field must be one of " + whose + " event types: "
                    + String.join(", ", types) + ".");
        }
    }
}
