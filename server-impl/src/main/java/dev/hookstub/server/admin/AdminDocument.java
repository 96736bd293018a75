package dev.hookstub.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.server.api.StubApi;
import dev.hookstub.server.record.RecordSchema;
import dev.hookstub.server.record.RecordShape;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.Operation;
import dev.hookstub.server.spec.SpecFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The admin API's document: {@code admin.yaml} with what it says of each API filled in from the API's own spec, as
 * the stub serves it, when first asked for. Where {@code admin.yaml} marks a schema
 * <ul>
 * <li>{@code x-hookstub-record: {api: mollie, as: view}}: the schema gets every property of the API's record
 * schema (but the ones the API computes per answer) and its required ones, then its own properties (the stub's
 * fields); {@code as: fields} (a create's body), every property, none required but its own, no other allowed. A
 * property it names that the API's schema has too adds its own keywords to the API's (a pattern, a format).</li>
 * <li>{@code x-hookstub-event-types: mollie}: {@code enum} is the API's documented event types, then its own.</li>
 * <li>{@code x-hookstub-operations: mollie}: {@code enum} is the operationIds of the API's spec.</li>
 * </ul>
 * So the admin document follows each spec as the stub does, and copies nothing by hand. What the API's schemas
 * refer to is copied beside them, as {@code <api>.<name>}.
 */
public final class AdminDocument {

    static final String FILE = "admin.yaml";

    private final Map<String, StubApi> apis;
    private SpecFile document;

    public AdminDocument(List<StubApi> apis) {
        this.apis = apis.stream().collect(Collectors.toMap(StubApi::id, Function.identity()));
    }

    /** Made when first asked for (by the admin application's build, or a request for it), then kept. */
    public synchronized SpecFile specFile() {
        if (document == null) {
            document = SpecFile.made(FILE, derived((ObjectNode) SpecFile.load(FILE).spec().document()));
        }
        return document;
    }

    /** The document as openapi-core reads it. */
    public OpenApiSpec spec() {
        return specFile().spec();
    }

    private JsonNode derived(ObjectNode root) {
        ObjectNode schemas = (ObjectNode) root.path("components").path("schemas");
        Map<String, Copies> copies = new HashMap<>();
        names(schemas.fieldNames()).forEach(name -> {
            ObjectNode schema = (ObjectNode) schemas.get(name);
            JsonNode record = schema.remove("x-hookstub-record");
            if (record != null) {
                StubApi api = api(record.path("api").asText());
                Copies apiCopies = copies.computeIfAbsent(api.id(), id -> new Copies(id, api.spec(), schemas));
                fill(schema, api.records(), "fields".equals(record.path("as").asText()), apiCopies);
            }
        });
        enums(root);
        return root;
    }

    /** The lists the document takes from the APIs, wherever it marks one. */
    private void enums(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode eventTypes = object.remove("x-hookstub-event-types");
            if (eventTypes != null) {
                prepend(object, api(eventTypes.asText()).deliveries().eventTypes());
            }
            JsonNode operations = object.remove("x-hookstub-operations");
            if (operations != null) {
                prepend(object, api(operations.asText()).spec().operations().stream().map(Operation::label).toList());
            }
        }
        node.forEach(this::enums);
    }

    private StubApi api(String id) {
        StubApi api = apis.get(id);
        if (api == null) {
            throw new IllegalStateException(FILE + " names an API the stub does not serve: " + id);
        }
        return api;
    }

    /** The API's record's properties, then the schema's own; a property in both gets the schema's keywords too. */
    private static void fill(ObjectNode schema, RecordShape records, boolean fields, Copies copies) {
        RecordSchema record = records.schema();
        ObjectNode own = schema.has("properties") ? (ObjectNode) schema.get("properties") : schema.objectNode();
        ObjectNode properties = schema.objectNode();
        Set<String> required = new LinkedHashSet<>();
        for (String name : record.properties()) {
            if (records.computed().contains(name)) {
                if (fields) {
                    properties.putObject(name).put("description", "Written by the stub for each answer; a value "
                            + "given here is not kept.");
                }
                continue;
            }
            ObjectNode property = copies.of(record.property(name));
            if (fields) {
                property.remove("readOnly");
            }
            if (fields && name.equals(RecordShape.ID)) {
                // An id is given to name a record that does not exist yet: the provider's example of one names the
                // seeded record (a 409), or will once a create has used it.
                property.remove(List.of("example", "examples"));
            }
            if (own.has(name)) {
                property.setAll((ObjectNode) own.get(name));
            }
            properties.set(name, property);
            if (!fields && record.required().contains(name)) {
                required.add(name);
            }
        }
        own.fields().forEachRemaining(property -> properties.putIfAbsent(property.getKey(), property.getValue()));
        schema.path("required").forEach(name -> required.add(name.asText()));
        schema.set("properties", properties);
        ArrayNode requiredNames = schema.putArray("required");
        required.forEach(requiredNames::add);
        if (fields) {
            schema.put("additionalProperties", false);
        }
    }

    private static void prepend(ObjectNode schema, List<String> values) {
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        values.forEach(all::add);
        schema.path("enum").forEach(all::add);
        schema.set("enum", all);
    }

    /**
     * The nodes of one API's spec its record's schema refers to, copied into the admin document's schemas as
     * {@code <api>.<name>}, each once, with the references in them (and in what refers to them) rewritten.
     */
    private record Copies(String api, OpenApiSpec spec, ObjectNode schemas, Map<String, String> byPointer) {

        Copies(String api, OpenApiSpec spec, ObjectNode schemas) {
            this(api, spec, schemas, new HashMap<>());
        }

        /** A copy of a node of the API's spec, its references pointing at copies in the admin document. */
        ObjectNode of(JsonNode node) {
            JsonNode copy = localized(node.deepCopy());
            return copy.isObject() ? (ObjectNode) copy : JsonNodeFactory.instance.objectNode();
        }

        private JsonNode localized(JsonNode node) {
            if (node.isObject()) {
                ObjectNode object = (ObjectNode) node;
                JsonNode ref = object.get("$ref");
                if (ref != null && ref.isTextual() && ref.asText().startsWith("#/")) {
                    object.put("$ref", "#/components/schemas/" + copied(ref.asText().substring(1)));
                }
                names(object.fieldNames()).forEach(name -> {
                    if (!name.equals("$ref")) {
                        object.set(name, localized(object.get(name)));
                    }
                });
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    ((ArrayNode) node).set(i, localized(node.get(i)));
                }
            }
            return node;
        }

        /** The admin document's name of the copy of what a pointer of the API's spec names, copying it once. */
        private String copied(String pointer) {
            String known = byPointer.get(pointer);
            if (known != null) {
                return known;
            }
            String base = api + "." + pointer.substring(pointer.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
            String name = base;
            for (int i = 2; schemas.has(name); i++) {
                name = base + "_" + i;
            }
            byPointer.put(pointer, name);
            schemas.putObject(name);
            schemas.set(name, localized(spec.at(pointer)));
            return name;
        }
    }

    /** The names as they are now, so that the object can change meanwhile. */
    private static List<String> names(java.util.Iterator<String> iterator) {
        List<String> names = new ArrayList<>();
        iterator.forEachRemaining(names::add);
        return names;
    }
}
