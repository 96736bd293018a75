package dev.hookstub.server.record;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hookstub.server.clock.Timestamps;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.store.RecordCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One API's records: every property of the spec's record schema, stored and served as given, and the few things the
 * API gives behaviour to, declared by its package: the stub's own fields, the properties it writes for each answer
 * (Mollie's {@code _links}), server-set timestamps and the form the API writes them in, values filled in when a
 * record is made without them, and the properties its Java reads (checked against the spec at start, so that a
 * spec change that takes one away or changes its type is named rather than served wrong).
 * <p>
 * Also the codec of the persistent stores: a record is stored as a JSON object of its properties by their spec
 * names, timestamps as ISO 8601 instants.
 */
public final class RecordShape implements RecordCodec<SpecRecord> {

    /** The property every API's record is known by. */
    public static final String ID = "id";

    private final RecordSchema schema;
    private final ObjectMapper mapper;
    /** What a record stores, in this order: the schema's properties but the computed ones, then the stub's fields. */
    private final String[] stored;
    private final Map<String, Integer> index = new HashMap<>();
    private final Set<String> stubFields;
    private final Set<String> computed;
    private final Map<String, Function<Instant, String>> timestamps;
    private final Map<String, Supplier<Object>> defaults;
    private final List<String> requiredOnCreate;
    private final Function<String, String> keys;
    private final String signingSecret;
    private final Map<String, String> earlierNames;
    /**
     * The schema's properties as a record is written, in the spec's order: each one's name (encoded once), the slot
     * of its value ({@code -1} for a computed one) and whether it is required. Arrays, so that writing a record looks
     * nothing up: the fast path writes one with every create.
     */
    private final SerializedString[] servedNames;
    private final int[] servedSlots;
    private final boolean[] servedRequired;
    /** The name of each slot, encoded once, and the API's form of a timestamp in it (null for another value). */
    private final SerializedString[] slotNames;
    private final List<Function<Instant, String>> forms = new ArrayList<>();

    private RecordShape(Builder builder, ObjectMapper mapper) {
        this.schema = builder.schema;
        this.mapper = mapper;
        this.stubFields = Set.copyOf(builder.stubFields);
        this.computed = Set.copyOf(builder.computed);
        this.timestamps = Map.copyOf(builder.timestamps);
        this.defaults = new LinkedHashMap<>(builder.defaults);
        this.requiredOnCreate = List.copyOf(builder.requiredOnCreate);
        this.keys = builder.keys;
        this.signingSecret = builder.signingSecret;
        this.earlierNames = Map.copyOf(builder.earlierNames);
        List<String> names = new ArrayList<>();
        schema.properties().stream().filter(name -> !computed.contains(name)).forEach(names::add);
        names.addAll(builder.stubFields);
        this.stored = names.toArray(String[]::new);
        this.slotNames = new SerializedString[stored.length];
        for (int i = 0; i < stored.length; i++) {
            index.put(stored[i], i);
            slotNames[i] = new SerializedString(stored[i]);
            forms.add(timestamps.get(stored[i]));
        }
        List<String> properties = List.copyOf(schema.properties());
        this.servedNames = new SerializedString[properties.size()];
        this.servedSlots = new int[properties.size()];
        this.servedRequired = new boolean[properties.size()];
        for (int i = 0; i < properties.size(); i++) {
            String name = properties.get(i);
            servedNames[i] = new SerializedString(name);
            servedSlots[i] = computed.contains(name) ? -1 : index.get(name);
            servedRequired[i] = schema.required().contains(name);
        }
    }

    /** Begins declaring the records of the API whose record schema this is. */
    public static Builder of(RecordSchema schema) {
        return new Builder(schema);
    }

    public RecordSchema schema() {
        return schema;
    }

    /** The properties the API writes for each answer, which no record stores. */
    public Set<String> computed() {
        return computed;
    }

    int index(String property) {
        Integer at = index.get(property);
        if (at == null) {
            throw new IllegalArgumentException("A " + schema.spec().name() + " record has no " + property);
        }
        return at;
    }

    String signingSecretField() {
        return signingSecret;
    }

    /** The fields a record cannot hold: neither a property of the schema nor one of the stub's own fields. */
    public List<String> undeclared(ObjectNode fields) {
        List<String> undeclared = new ArrayList<>(0);
        fields.fieldNames().forEachRemaining(name -> {
            if (!schema.defines(name) && !stubFields.contains(name)) {
                undeclared.add(name);
            }
        });
        return undeclared;
    }

    /** The store's key for a record's id as given in a URL or a record. */
    public String key(String id) {
        return keys.apply(id);
    }

    /**
     * A caller's fields filled in to a whole record's, in place: refused (400) when they name a property the
     * schema does not define or lack one the caller must give; then what is absent filled by the API's defaults,
     * timestamps set to {@code now}, and a property the schema requires taken from the spec's own default or example.
     * A property the API computes ({@code _links}) is the API's: a value given for it is dropped, as the spec's
     * example record gives one.
     */
    public ObjectNode filled(ObjectNode fields, Instant now) {
        List<String> undeclared = undeclared(fields);
        if (!undeclared.isEmpty()) {
            String name = undeclared.get(0);
            throw ApiProblem.invalid(400, name, "The " + name + " field is not a property of "
                    + schema.spec().name() + "'s webhook (" + String.join(", ", schema.properties())
                    + (stubFields.isEmpty() ? "" : "; and the stub's own " + String.join(", ", stubFields)) + ").");
        }
        fields.remove(computed);
        for (String field : requiredOnCreate) {
            if (!fields.hasNonNull(field)) {
                throw ApiProblem.invalid(400, field, "The " + field + " field is required.");
            }
        }
        defaults.forEach((name, value) -> {
            if (!fields.has(name)) {
                fields.set(name, mapper.valueToTree(value.get()));
            }
        });
        timestamps.keySet().forEach(name -> {
            if (!fields.has(name)) {
                fields.put(name, Timestamps.iso(now));
            }
        });
        completed(fields);
        return fields;
    }

    /** Fills what the schema requires and the fields lack from the spec's own value for it, where it gives one. */
    private void completed(ObjectNode fields) {
        for (String name : schema.required()) {
            JsonNode specValue = fields.has(name) || computed.contains(name) ? null : schema.specValue(name);
            if (specValue != null) {
                fields.set(name, specValue.deepCopy());
            }
        }
    }

    /** The properties the schema requires that these fields still lack (the API's computed ones aside). */
    public List<String> missing(ObjectNode fields) {
        return schema.required().stream().filter(name -> !computed.contains(name) && !fields.has(name)).toList();
    }

    /** The record of filled-in fields: timestamps read (400 naming one that is no ISO 8601 date-time with offset). */
    public SpecRecord record(ObjectNode fields) {
        Object[] values = new Object[stored.length];
        for (int i = 0; i < stored.length; i++) {
            values[i] = value(stored[i], fields.get(stored[i]));
        }
        Object id = values[index(ID)];
        return new SpecRecord(this, key(id instanceof String text ? text : ((JsonNode) id).asText()), values);
    }

    /** A record made in code, such as by an API's own create: the values by property, as {@link SpecRecord#with}. */
    public SpecRecord record(Map<String, Object> values) {
        Object[] ordered = new Object[stored.length];
        values.forEach((name, value) -> ordered[index(name)] = value);
        return new SpecRecord(this, key(String.valueOf(values.get(ID))), ordered);
    }

    private Object value(String name, JsonNode given) {
        if (given == null || given.isMissingNode()) {
            return null;
        }
        if (timestamps.containsKey(name)) {
            try {
                return Timestamps.parse(given.asText());
            } catch (DateTimeParseException e) {
                throw ApiProblem.invalid(400, name, "The " + name + " field must be an ISO 8601 date-time with an "
                        + "offset, such as 2024-04-29T21:00:00+02:00.");
            }
        }
        return given.isTextual() ? given.asText() : given;
    }

    /** A stored value as text: a timestamp in the API's own form. */
    String text(String property, Object value) {
        return value instanceof Instant instant ? timestamps.get(property).apply(instant) : value.toString();
    }

    /**
     * The record as the API serves it: every property in the spec's order, each computed one from
     * {@code computedValues} (a JSON node or text). As OpenAPI 3.1 has it, a property the schema requires is always
     * written (as null when the record lacks it: the type array says whether that is allowed) and any other one only
     * when the record has it.
     */
    public JsonSerializable served(SpecRecord record, Map<String, Object> computedValues) {
        return new Written(record, computedValues, false);
    }

    /** The record as the API serves it, where the API computes no property. */
    public JsonSerializable served(SpecRecord record) {
        return served(record, Map.of());
    }

    /** The record as the admin API shows it: the properties it stores, then the stub's own fields. */
    public ObjectNode view(SpecRecord record) {
        return mapper.valueToTree(new Written(record, Map.of(), true));
    }

    /** A record's JSON in one pass over its values, without a tree in between. */
    private final class Written extends JsonSerializable.Base {

        private final SpecRecord record;
        private final Map<String, Object> computedValues;
        private final boolean withStubFields;

        Written(SpecRecord record, Map<String, Object> computedValues, boolean withStubFields) {
            this.record = record;
            this.computedValues = computedValues;
            this.withStubFields = withStubFields;
        }

        @Override
        public void serialize(JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeStartObject();
            for (int i = 0; i < servedNames.length; i++) {
                int slot = servedSlots[i];
                Object value = slot < 0 ? computedValues.get(servedNames[i].getValue()) : record.value(slot);
                if (value != null) {
                    out.writeFieldName(servedNames[i]);
                    write(out, provider, slot, value);
                } else if (slot >= 0 && servedRequired[i]) {
                    out.writeFieldName(servedNames[i]);
                    out.writeNull();
                }
            }
            for (int slot = withStubFields ? stored.length - stubFields.size() : stored.length; slot < stored.length;
                 slot++) {
                Object value = record.value(slot);
                out.writeFieldName(slotNames[slot]);
                if (value == null) {
                    out.writeNull();
                } else {
                    write(out, provider, slot, value);
                }
            }
            out.writeEndObject();
        }

        @Override
        public void serializeWithType(JsonGenerator out, SerializerProvider provider, TypeSerializer type)
                throws IOException {
            serialize(out, provider);
        }

        /** A value of a slot, or a computed one (slot {@code -1}): a JSON node or text. */
        private void write(JsonGenerator out, SerializerProvider provider, int slot, Object value) throws IOException {
            if (value instanceof JsonNode node) {
                node.serialize(out, provider);
            } else if (value instanceof Instant instant) {
                out.writeString(forms.get(slot).apply(instant));
            } else {
                out.writeString(value.toString());
            }
        }
    }

    @Override
    public String write(SpecRecord record) {
        ObjectNode json = mapper.createObjectNode();
        for (int i = 0; i < stored.length; i++) {
            Object value = record.value(i);
            if (value instanceof JsonNode node) {
                json.set(stored[i], node);
            } else if (value != null) {
                json.put(stored[i], value instanceof Instant instant ? Timestamps.iso(instant) : (String) value);
            }
        }
        try {
            return mapper.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A stored record. Rows written by an earlier version of the stub are read as well: a property under its earlier
     * name, and a property the schema requires that the row lacks (one the spec or the stub added since) filled as a
     * new record's would be. A property the spec no longer defines is left out.
     */
    @Override
    public SpecRecord read(String text) {
        ObjectNode row;
        try {
            row = (ObjectNode) mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        earlierNames.forEach((earlier, now) -> {
            if (row.has(earlier)) {
                row.set(now, row.remove(earlier));
            }
        });
        for (String name : schema.properties()) {
            if (row.path(name).isNull() && !schema.allowsType(name, "null")) {
                // Written from a Java record, whose null meant "none": the schema allows no null here.
                row.remove(name);
            }
            if (!row.has(name) && schema.required().contains(name) && defaults.containsKey(name)) {
                row.set(name, mapper.valueToTree(defaults.get(name).get()));
            }
        }
        completed(row);
        return record(row);
    }

    /** How one API's records are declared; {@link #build} checks the declarations against its spec. */
    public static final class Builder {

        private final RecordSchema schema;
        private final Set<String> stubFields = new LinkedHashSet<>();
        private final Set<String> computed = new LinkedHashSet<>();
        private final Map<String, Function<Instant, String>> timestamps = new LinkedHashMap<>();
        private final Map<String, Supplier<Object>> defaults = new LinkedHashMap<>();
        private final List<String> requiredOnCreate = new ArrayList<>();
        private final Map<String, String> behaviour = new LinkedHashMap<>();
        private final Map<String, String> earlierNames = new LinkedHashMap<>();
        private Function<String, String> keys = Function.identity();
        private String signingSecret;

        private Builder(RecordSchema schema) {
            this.schema = schema;
        }

        /** A field of the stub's own (a tenant, a signing secret): stored, shown by the admin API only. */
        public Builder stubField(String name) {
            stubFields.add(name);
            return this;
        }

        /** A property the API writes for each answer, never stored; served only where the API gives its value. */
        public Builder computed(String name, String type) {
            computed.add(name);
            return behaviour(name, type);
        }

        /** A server-set timestamp: filled with the time a record is made, served in the API's own form. */
        public Builder timestamp(String name, Function<Instant, String> form) {
            timestamps.put(name, form);
            return behaviour(name, "string");
        }

        /** What a record gets for a property (or stub field) it is made without. */
        public Builder byDefault(String name, Supplier<Object> value) {
            defaults.put(name, value);
            return this;
        }

        /** What the caller must give to make a record (the API's own create requires them too). */
        public Builder requiredOnCreate(String... names) {
            requiredOnCreate.addAll(List.of(names));
            return this;
        }

        /** A property the API's Java reads, and the JSON type it reads it as. */
        public Builder behaviour(String name, String type) {
            behaviour.put(name, type);
            return this;
        }

        /** How the id a record or a URL gives becomes the store's key (the id's text by default). */
        public Builder keys(Function<String, String> key) {
            this.keys = key;
            return this;
        }

        /** The property (or stub field) whose text signs the deliveries. */
        public Builder signingSecret(String name) {
            this.signingSecret = name;
            return this;
        }

        /** A property stored rows of an earlier version of the stub have under another name. */
        public Builder earlierName(String earlier, String now) {
            earlierNames.put(earlier, now);
            return this;
        }

        /**
         * The shape, once every property the API gives behaviour to is in the spec's schema with the type the API
         * reads, and no field of the stub's own is one the spec now defines: else the start fails naming it, for that
         * spec change needs a change of the API's code.
         */
        public RecordShape build(ObjectMapper mapper) {
            String where = schema.spec().name() + " (" + schema.pointer() + ")";
            behaviour.forEach((name, type) -> {
                if (!schema.defines(name)) {
                    throw new IllegalStateException(where + ": the stub gives the property " + name + " behaviour, but"
                            + " the spec's record schema no longer defines it; the API's package must change with it");
                }
                if (!schema.allowsType(name, type)) {
                    throw new IllegalStateException(where + ": the stub reads the property " + name + " as "
                            + type + ", but the spec's record schema no longer allows that type; the API's package "
                            + "must change with it");
                }
            });
            stubFields.stream().filter(schema::defines).findFirst().ifPresent(name -> {
                throw new IllegalStateException(where + ": the spec's record schema now defines " + name
                        + ", a field the stub keeps for itself; the API's package must change with it");
            });
            return new RecordShape(this, mapper);
        }
    }
}
