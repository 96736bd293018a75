package dev.hookstub.server.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hookstub.server.store.StoredRecord;
import java.time.Instant;
import java.util.List;

/**
 * One webhook of any API, as stored: each property its spec's schema defines, as given (a string, a server-set
 * timestamp, any other JSON value), and the stub's own fields (a tenant, a signing secret). Immutable: a change is a
 * new record ({@link #with}), which the store replaces the old one with.
 * <p>
 * The values are an array in the order of the API's {@link RecordShape}, shared by all its records, so that a
 * record costs what its values cost (the stub keeps every record it is sent, docs/adr/005).
 */
public final class SpecRecord implements StoredRecord {

    private final RecordShape shape;
    private final String id;
    /** Null where the record has no such property. */
    private final Object[] values;

    SpecRecord(RecordShape shape, String id, Object[] values) {
        this.shape = shape;
        this.id = id;
        this.values = values;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String signingSecret() {
        return shape.signingSecretField() == null ? null : text(shape.signingSecretField());
    }

    RecordShape shape() {
        return shape;
    }

    Object value(int index) {
        return values[index];
    }

    public boolean has(String property) {
        return values[shape.index(property)] != null;
    }

    /** A text property's value; null when absent, null or not text. */
    public String text(String property) {
        Object value = values[shape.index(property)];
        return value instanceof String text ? text : null;
    }

    /** A server-set timestamp; null when absent. */
    public Instant instant(String property) {
        Object value = values[shape.index(property)];
        return value instanceof Instant instant ? instant : null;
    }

    /** Any property as JSON (a timestamp in the API's own form); missing when absent. */
    public JsonNode json(String property) {
        Object value = values[shape.index(property)];
        if (value == null) {
            return MissingNode.getInstance();
        }
        return value instanceof JsonNode node ? node : TextNode.valueOf(shape.text(property, value));
    }

    /** A list of texts ({@code eventTypes}); empty when absent or not an array. */
    public List<String> texts(String property) {
        JsonNode array = json(property);
        List<String> texts = new java.util.ArrayList<>(array.size());
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    /**
     * This record with one property changed: a text as a {@code String}, a timestamp as an {@code Instant}, anything
     * else as a {@code JsonNode}.
     */
    public SpecRecord with(String property, Object value) {
        Object[] changed = values.clone();
        changed[shape.index(property)] = value;
        return new SpecRecord(shape, id, changed);
    }
}
