package dev.hookstub.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.server.spec.SpecDocument;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The admin spec copies rules out of the providers' specs (it is served on its own, so it cannot refer to them):
 * the copies must stay what the providers' specs say, or the admin API would refuse what the API accepts.
 */
class AdminSpecTest {

    private static final SpecDocument ADMIN = SpecDocument.load("admin.yaml");

    @Test
    void eachApisFaultRulesNameExactlyTheOperationsOfItsSpec() {
        for (String[] api : new String[][]{{"mijnklantportaal.yaml", "Mijnklantportaal"},
                {"equalsmoney.yaml", "Equalsmoney"}, {"partoo.yaml", "Partoo"}, {"mollie.json", "Mollie"}}) {
            List<String> operationIds = new ArrayList<>();
            SpecDocument.load(api[0]).at("/paths").forEach(path -> path.forEach(operation -> {
                if (operation.has("operationId")) {
                    operationIds.add(operation.path("operationId").asText());
                }
            }));
            assertEquals(operationIds, texts(ADMIN.at("/components/schemas/" + api[1]
                    + "FaultRuleFields/properties/operation/enum")), api[0]);
        }
    }

    @Test
    void mijnklantportaalEventTypesAreThoseItsSpecListsInProse() {
        String description = SpecDocument.load("mijnklantportaal.yaml").at("/paths/~1webhooks/post/requestBody"
                + "/content/application~1json/schema/properties/type/description").asText();
        Set<String> documented = new LinkedHashSet<>();
        Matcher quoted = Pattern.compile("`([a-z0-9-]+)`").matcher(description);
        while (quoted.find()) {
            documented.add(quoted.group(1));
        }
        assertEquals(23, documented.size());
        assertEquals(List.copyOf(documented), texts(ADMIN.at("/components/schemas/MijnklantportaalEventType/enum")));
    }

    @Test
    void partooEventTypesAndCustomHeadersAreItsSpecs() {
        SpecDocument partoo = SpecDocument.load("partoo.yaml");
        assertEquals(partoo.at("/components/schemas/event_type/enum"),
                ADMIN.at("/components/schemas/PartooEventType/enum"));
        for (String rule : List.of("maxProperties", "propertyNames", "additionalProperties")) {
            assertEquals(partoo.at("/components/schemas/CustomHeaders/" + rule),
                    ADMIN.at("/components/schemas/PartooCustomHeaders/" + rule), rule);
        }
    }

    @Test
    void mollieEventTypesAreTheKeysOfItsSpecsEnumDescriptions() {
        List<String> documented = new ArrayList<>();
        SpecDocument.load("mollie.json").at("/paths/~1v2~1webhooks~1{webhookId}/get/responses/200/content"
                + "/application~1hal+json/schema/properties/eventTypes/items/x-enumDescriptions")
                .fieldNames().forEachRemaining(documented::add);
        assertTrue(documented.contains("*"), documented.toString());
        assertEquals(documented, texts(ADMIN.at("/components/schemas/MollieEventType/enum")));
        assertEquals(documented.stream().filter(type -> !type.equals("*")).toList(),
                texts(ADMIN.at("/components/schemas/MollieEventTypeFired/enum")));
    }

    @Test
    void theRecordsAreTheApisOwnSchemasWithTheAdminFields() {
        assertRequired("mijnklantportaal.yaml", "/components/schemas/Webhook", "MijnklantportaalRecord",
                List.of("tenant", "standardWebhooksSecret"), List.of());
        assertRequired("equalsmoney.yaml",
                "/paths/~1webhooks~1{webhookId}/get/responses/200/content/application~1json/schema",
                "EqualsmoneyRecord", List.of("standardWebhooksSecret"), List.of());
        assertRequired("partoo.yaml", "/components/schemas/WebhookItem", "PartooRecord",
                List.of("standardWebhooksSecret"), List.of());
        assertRequired("mollie.json",
                "/paths/~1v2~1webhooks~1{webhookId}/get/responses/200/content/application~1hal+json/schema",
                "MollieRecord", List.of("signingSecret", "standardWebhooksSecret"), List.of("_links"));
    }

    /** Every property of the API's schema is in the admin record, required where all of them are served. */
    private static void assertRequired(String file, String pointer, String record, List<String> added,
                                       List<String> left) {
        JsonNode own = SpecDocument.load(file).at(pointer);
        JsonNode admin = ADMIN.at("/components/schemas/" + record);
        Set<String> expected = new LinkedHashSet<>();
        own.path("properties").fieldNames().forEachRemaining(expected::add);
        expected.removeAll(left);
        expected.addAll(added);
        Set<String> actual = new LinkedHashSet<>();
        admin.path("properties").fieldNames().forEachRemaining(actual::add);
        assertEquals(expected, actual, record);
        Set<String> required = new LinkedHashSet<>(texts(admin.path("required")));
        texts(own.path("required")).stream().filter(name -> !left.contains(name))
                .forEach(name -> assertTrue(required.contains(name), record + " requires " + name));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }
}
