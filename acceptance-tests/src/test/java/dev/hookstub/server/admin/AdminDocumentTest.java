package dev.hookstub.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.InputFormat;
import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubExtension;
import dev.hookstub.openapi.SchemaCatalog;
import dev.hookstub.server.api.ExampleRequest;
import dev.hookstub.server.api.StubApi;
import dev.hookstub.server.spec.SpecFile;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The admin document the stub serves is its admin.yaml with what it says of each API taken from that API's own spec;
 * the admin API's answers hold to it, as the APIs' answers hold to their specs.
 */
class AdminDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final HookstubExtension stub = HookstubExtension.with(Hookstub.defaultConfig());

    private static String servedText;
    private static JsonNode served;
    private static SchemaCatalog schemas;

    @BeforeAll
    static void readTheServedDocument() throws Exception {
        HttpResponse<String> document = stub.http().get("/__admin/openapi.yaml");
        assertEquals(200, document.statusCode());
        servedText = document.body();
        served = new YAMLMapper().readTree(servedText);
        schemas = SpecFile.made("served-admin.yaml", served).spec().schemas();
    }

    @Test
    void theServedDocumentIsWhatTheStubValidatesWithAndRefersOnlyToItself() {
        assertEquals(new AdminDocument(stub.server().apis()).spec().document(), served);
        List<String> refs = new ArrayList<>();
        walk(served, "", (pointer, node) -> {
            node.fieldNames().forEachRemaining(name -> assertFalse(name.startsWith("x-hookstub-"), pointer + "/" + name));
            if (node.has("$ref")) {
                refs.add(node.get("$ref").asText());
            }
        });
        assertFalse(refs.isEmpty());
        refs.forEach(ref -> assertFalse(served.at(ref.substring(1)).isMissingNode(), ref));
    }

    /**
     * Tools read YAML 1.1 (SnakeYAML's default resolver, js-yaml's default schema and so Prism, PyYAML), where a bare
     * {@code 2030-01-01T00:00:00Z} is a date and a bare {@code 1:30} a number: they read the same document.
     */
    @Test
    void aYaml11ReaderReadsTheSameDocument() {
        JsonNode read = JSON.valueToTree(new org.yaml.snakeyaml.Yaml().load(servedText));
        List<String> readOtherwise = new ArrayList<>();
        walk(served, "", (pointer, node) -> node.fields().forEachRemaining(field -> {
            JsonNode there = read.at(pointer + "/" + escaped(field.getKey()));
            if (field.getValue().isValueNode() && !field.getValue().equals(there)) {
                readOtherwise.add(pointer + "/" + field.getKey() + ": " + field.getValue() + " read as " + there);
            }
        }));
        assertEquals(List.of(), readOtherwise);
        assertEquals(served, read);
    }

    @Test
    void everyExampleOfASchemaHoldsToIt() {
        List<String> checked = new ArrayList<>();
        walk(served.path("components").path("schemas"), "/components/schemas", (pointer, node) -> {
            String parent = pointer.substring(pointer.lastIndexOf('/') + 1);
            if (node.has("example") && !Set.of("properties", "patternProperties", "dependentSchemas", "$defs")
                    .contains(parent)) {
                assertEquals(List.of(), schemas.at(pointer).validate(node.get("example").toString(),
                        InputFormat.JSON), pointer + ": " + node.get("example"));
                checked.add(pointer);
            }
        });
        assertTrue(checked.size() > 20, checked.toString());
        assertTrue(checked.contains("/components/schemas/MollieRecordFields/properties/eventTypes"), checked.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mijnklantportaal", "equalsmoney", "partoo", "mollie"})
    void eachRecordTheAdminApiShowsHoldsToTheServedDocumentAndIsWhatTheApiServes(String id) throws Exception {
        StubApi api = api(id);
        String schema = "/components/schemas/" + Character.toUpperCase(id.charAt(0)) + id.substring(1) + "Record";
        JsonNode records = JSON.readTree(stub.adminHttp().get("/__admin/" + id + "/webhooks").body());
        assertEquals(1, records.size(), records.toString());
        JsonNode record = records.get(0);
        assertEquals(List.of(), schemas.at(schema).validate(record.toString(), InputFormat.JSON), record.toString());
        Set<String> declared = names(served.at(schema + "/properties"));
        names(record).forEach(name -> assertTrue(declared.contains(name), schema + " does not declare " + name));

        ExampleRequest read = api.exampleRequest();
        HttpResponse<String> answer = stub.http().get(api.contextPath() + read.path(), read.header(), read.value());
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode apiAnswer = JSON.readTree(answer.body());
        assertEquals(List.of(), api.spec().schemas().at(api.records().schema().pointer())
                .validate(answer.body(), InputFormat.JSON), answer.body());
        ObjectNode withoutComputed = apiAnswer.deepCopy();
        withoutComputed.remove(api.records().computed());
        ObjectNode withoutStubFields = record.deepCopy();
        withoutStubFields.retain(names(apiAnswer));
        assertEquals(withoutComputed, withoutStubFields);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mijnklantportaal", "equalsmoney", "partoo", "mollie"})
    void aCreateTakesEveryPropertyOfTheApisRecordAndTheStubsOwnFieldsAndNothingElse(String id) {
        StubApi api = api(id);
        JsonNode fields = served.at("/components/schemas/" + Character.toUpperCase(id.charAt(0)) + id.substring(1)
                + "RecordFields");
        Set<String> expected = new LinkedHashSet<>(api.records().schema().properties());
        expected.addAll(names(api.adminRecords().list().get(0)));
        expected.remove("standardWebhooksSecret");
        assertEquals(expected, names(fields.path("properties")));
        assertEquals(false, fields.path("additionalProperties").asBoolean(true));
        // No example of an id to create with: the provider's names the seeded record, or will once a create used it.
        assertFalse(fields.at("/properties/id").has("example"), fields.at("/properties/id").toString());
    }

    @Test
    void everyEventTypeTheDocumentListsIsOneTheApiTakes() {
        for (String[] list : new String[][] {{"mijnklantportaal", "MijnklantportaalEventType"},
                {"partoo", "PartooEventType"}, {"mollie", "MollieEventTypeFired"}}) {
            JsonNode types = served.at("/components/schemas/" + list[1] + "/enum");
            assertEquals(api(list[0]).deliveries().eventTypes(), texts(types), list[1]);
            types.forEach(type -> assertEquals(202, stub.adminHttp().post("/__admin/" + list[0] + "/events",
                    "{\"type\": \"" + type.asText() + "\"}").statusCode(), list[0] + " " + type));
        }
        assertEquals(texts(served.at("/components/schemas/MollieEventTypeFired/enum")).size() + 1,
                served.at("/components/schemas/MollieEventType/enum").size());
    }

    @Test
    void eachApisFaultRulesNameTheOperationsOfItsSpec() {
        for (StubApi api : stub.server().apis()) {
            String name = Character.toUpperCase(api.id().charAt(0)) + api.id().substring(1);
            assertEquals(api.spec().operations().stream().map(dev.hookstub.openapi.Operation::label).toList(), texts(served.at("/components/schemas/" + name
                    + "FaultRuleFields/properties/operation/enum")), api.id());
        }
    }

    private static StubApi api(String id) {
        return stub.server().apis().stream().filter(api -> api.id().equals(id)).findFirst().orElseThrow();
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new LinkedHashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }

    /** A name as a JSON pointer writes it (RFC 6901). */
    private static String escaped(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static void walk(JsonNode node, String pointer, java.util.function.BiConsumer<String, JsonNode> visit) {
        if (node.isObject()) {
            visit.accept(pointer, node);
            node.fields().forEachRemaining(field -> walk(field.getValue(), pointer + "/" + escaped(field.getKey()), visit));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, visit);
            }
        }
    }
}
