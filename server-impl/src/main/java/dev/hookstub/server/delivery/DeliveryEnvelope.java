package dev.hookstub.server.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.server.store.StoredRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An API's delivery body as data: its fields in the provider's order, each filled from the delivery's id, the
 * webhook or the event. What every envelope is made of (the delivery id, the event's type and time, the webhook's
 * id, the payload) is named here once; an API gives the names its provider uses, and the fields of its own.
 * Built once per API; each call returns a new envelope with one more field.
 *
 * @param <R> the API's stored webhook
 */
public final class DeliveryEnvelope<R extends StoredRecord> {

    /**
     * One field's value in one delivery: a JSON node, written as it is ({@link MissingNode} leaves the field out), or
     * anything else, written as the API's JSON mapper writes it ({@code null} as {@code null}).
     */
    @FunctionalInterface
    public interface Value<R> {
        Object of(String deliveryId, R webhook, TriggeredEvent event);
    }

    private record Field<R>(String name, Value<R> value) {
    }

    private final List<Field<R>> fields;

    public DeliveryEnvelope() {
        this(List.of());
    }

    private DeliveryEnvelope(List<Field<R>> fields) {
        this.fields = fields;
    }

    public DeliveryEnvelope<R> field(String name, Value<R> value) {
        List<Field<R>> more = new ArrayList<>(fields);
        more.add(new Field<>(name, value));
        return new DeliveryEnvelope<>(List.copyOf(more));
    }

    /** The delivery's own id, new for each webhook the event goes to. */
    public DeliveryEnvelope<R> deliveryId(String name) {
        return field(name, (deliveryId, webhook, event) -> deliveryId);
    }

    public DeliveryEnvelope<R> eventType(String name) {
        return field(name, (deliveryId, webhook, event) -> event.type());
    }

    /** The webhook's id as the store keeps it (text). */
    public DeliveryEnvelope<R> webhookId(String name) {
        return field(name, (deliveryId, webhook, event) -> webhook.id());
    }

    /** When the event happened, written the way the API writes its own timestamps. */
    public DeliveryEnvelope<R> time(String name, Function<Instant, ?> format) {
        return field(name, (deliveryId, webhook, event) -> format.apply(event.at()));
    }

    /** The caller's payload, as given. */
    public DeliveryEnvelope<R> payload(String name) {
        return field(name, (deliveryId, webhook, event) -> event.payload());
    }

    /** A field of the webhook's record. */
    public DeliveryEnvelope<R> webhook(String name, Function<R, ?> field) {
        return field(name, (deliveryId, webhook, event) -> field.apply(webhook));
    }

    ObjectNode write(ObjectMapper mapper, String deliveryId, R webhook, TriggeredEvent event) {
        ObjectNode envelope = mapper.createObjectNode();
        for (Field<R> field : fields) {
            Object value = field.value().of(deliveryId, webhook, event);
            if (value instanceof String text) {
                envelope.put(field.name(), text);
            } else if (!(value instanceof MissingNode)) {
                envelope.set(field.name(), value instanceof JsonNode node ? node : mapper.valueToTree(value));
            }
        }
        return envelope;
    }
}
