package dev.hookstub.server.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.store.StoredRecord;
import dev.hookstub.server.store.WebhookStore;
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
    private final EventTypes eventTypes;

    /** The types an event may have (none: any), and whose they are, as the refusal of another one names them. */
    public record EventTypes(List<String> types, String whose) {

        public static final EventTypes ANY = new EventTypes(List.of(), "");

        public EventTypes {
            types = List.copyOf(types);
        }
    }

    /** @param url where a webhook's deliveries go */
    protected StoredWebhookDeliveries(WebhookStore<R> store, ObjectMapper mapper, DeliveryEnvelope<R> envelope,
                                      Function<R, String> url, EventTypes eventTypes) {
        this.store = store;
        this.mapper = mapper;
        this.envelope = envelope;
        this.url = url;
        this.eventTypes = eventTypes;
    }

    @Override
    public final List<String> eventTypes() {
        return eventTypes.types();
    }

    @Override
    public final List<PlannedDelivery> plan(TriggeredEvent event) {
        if (!eventTypes.types().isEmpty() && !eventTypes.types().contains(event.type())) {
            throw ApiProblem.invalid(400, "type", "The type field must be one of " + eventTypes.whose()
                    + " event types: " + String.join(", ", eventTypes.types()) + ".");
        }
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

    @Override
    public final boolean exists(String webhookId) {
        return store.find(webhookId).isPresent();
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
}
