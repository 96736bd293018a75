package dev.hookstub.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.InputFormat;
import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubHttp;
import dev.hookstub.server.config.Fixtures;
import dev.hookstub.server.api.StubApi;
import dev.hookstub.server.spec.SpecFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What docs/spec-changes.md promises when a provider's spec changes, drilled on changed copies of the specs: the
 * stub is started on them (as {@code ServerConfig.withSpecs} starts it, without a build) and asked over HTTP. A
 * change that needs no code is followed; one that does is named at start, in one line.
 */
class SpecChangeDrillTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] ADMIN = {"Authorization", "Bearer admin_test_key"};
    private static final String[] MOLLIE = {"Authorization", "Bearer access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM"};
    private static final String MOLLIE_RECORD = "/paths/~1v2~1webhooks~1{webhookId}/get/responses/200/content"
            + "/application~1hal+json/schema";
    private static final String MOLLIE_EXAMPLE = "/paths/~1v2~1webhooks~1{webhookId}/get/responses/200/content"
            + "/application~1hal+json/examples/get-webhook-200/value";
    private static final String SEEDED_MOLLIE = "/mollie/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=true";

    @TempDir
    Path specs;

    @Nested
    class FollowedWithoutCode {

        @Test
        void anOptionalResponsePropertyIsTakenByAnAdminCreateAndServedByTheApiInTheSpecsOrder() throws Exception {
            changeMollie(spec -> addDescription(spec, false, null));
            try (Hookstub stub = start()) {
                HookstubHttp http = stub.http();
                // The page's own command, as written but for the port.
                String created = runDocumentedCreate(stub);
                assertEquals("my shop hook", JSON.readTree(created).path("description").asText(), created);
                String id = JSON.readTree(created).path("id").asText();

                HttpResponse<String> read = http.get("/mollie/v2/webhooks/" + id + "?testmode=true", MOLLIE);
                assertEquals(200, read.statusCode(), read.body());
                JsonNode served = JSON.readTree(read.body());
                assertEquals("my shop hook", served.path("description").asText());
                assertEquals(List.of("resource", "id", "url", "profileId", "createdAt", "name", "description",
                        "eventTypes", "status", "mode", "_links"), names(served));
                assertConforms(stub, "mollie", read.body());
                // The seeded record, which has none, is served without it: it is optional.
                assertFalse(http.get(SEEDED_MOLLIE, MOLLIE).body().contains("description"));
            }
        }

        @Test
        void aRequiredPropertyWithAnExampleIsServedByTheSeededRecord() throws Exception {
            changeMollie(spec -> addDescription(spec, true, "Webhook of the shop"));
            try (Hookstub stub = start()) {
                HttpResponse<String> read = stub.http().get(SEEDED_MOLLIE, MOLLIE);
                assertEquals(200, read.statusCode(), read.body());
                assertEquals("Webhook of the shop", JSON.readTree(read.body()).path("description").asText());
                assertConforms(stub, "mollie", read.body());
            }
        }

        @Test
        void aRequiredPropertyInTheExampleRecordIsServedAsTheExampleGivesIt() throws Exception {
            changeMollie(spec -> {
                addDescription(spec, true, "Webhook of the shop");
                ((ObjectNode) spec.at(MOLLIE_EXAMPLE)).put("description", "the example record's own");
            });
            try (Hookstub stub = start()) {
                HttpResponse<String> read = stub.http().get(SEEDED_MOLLIE, MOLLIE);
                assertEquals("the example record's own", JSON.readTree(read.body()).path("description").asText());
            }
        }

        @Test
        void aNewEventTypeIsListedByTheAdminDocumentAndFired() throws Exception {
            change("partoo.yaml", spec -> ((ArrayNode) spec.at("/components/schemas/event_type/enum"))
                    .add("review_created"));
            try (Hookstub stub = start()) {
                HookstubHttp http = stub.http();
                assertTrue(http.get("/__admin/openapi.yaml").body().contains("review_created"));
                HttpResponse<String> fired = http.post("/__admin/partoo/events", "{\"type\": \"review_created\"}",
                        ADMIN);
                assertEquals(202, fired.statusCode(), fired.body());
            }
        }
    }

    @Nested
    class Refused {

        @Test
        void aMisspeltPropertyInAnAdminCreateIsA400NamingIt() {
            try (Hookstub stub = Hookstub.start(Hookstub.defaultConfig())) {
                HookstubHttp http = stub.http();
                for (String[] create : new String[][] {
                        {"mollie", "{\"url\": \"https://example.com/m\", \"nmae\": \"typo\"}", "nmae"},
                        {"partoo", "{\"url\": \"https://example.com/p\", \"event_type\": \"lead_received\", "
                                + "\"customHeaders\": {}}", "customHeaders"},
                        {"equalsmoney", "{\"url\": \"https://example.com/e\", \"webhookEventTypeName\": \"X\", "
                                + "\"bogusField\": 1}", "bogusField"},
                        {"mijnklantportaal", "{\"url\": \"https://example.com/k\", \"type\": \"offer-created\", "
                                + "\"secrett\": \"s\"}", "secrett"}}) {
                    HttpResponse<String> refused = http.post("/__admin/" + create[0] + "/webhooks", create[1], ADMIN);
                    assertEquals(400, refused.statusCode(), refused.body());
                    assertTrue(refused.body().contains("\"field\":\"" + create[2] + "\""), refused.body());
                }
            }
        }

        @Test
        void aMisspeltPropertyInAFixtureFailsTheStartNamingIt() throws Exception {
            Files.writeString(specs.resolve("mollie.json"), "[{\"url\": \"https://example.com/m\", \"nmae\": \"x\"}]");
            RuntimeException failure = assertThrows(RuntimeException.class, () -> Hookstub.start(Hookstub
                    .defaultConfig().withFixtures(Fixtures.read(specs, StubServer.API_IDS))));
            assertOneLineNaming(failure, "mollie.json: record at index 0, field nmae");
        }

        @Test
        void aRequiredPropertyTheSpecGivesNoValueForFailsTheStartInOneLineWithTheTwoWaysOut() throws Exception {
            changeMollie(spec -> addDescription(spec, true, null));
            RuntimeException failure = assertThrows(RuntimeException.class, SpecChangeDrillTest.this::start);
            assertOneLineNaming(failure, "mollie", "description", "example", "fixture");
        }

        @Test
        void aFixtureGivingTheRequiredPropertyTheSpecGivesNoValueForStarts() throws Exception {
            changeMollie(spec -> addDescription(spec, true, null));
            Path fixtures = Files.createDirectory(specs.resolve("fixtures"));
            Files.writeString(fixtures.resolve("mollie.json"), "[{\"id\": \"hook_B2EyhTH5N4KWUnoYPcgiH\", "
                    + "\"url\": \"https://example.com/m\", \"description\": \"from the fixture\"}]");
            try (Hookstub stub = Hookstub.start(Hookstub.defaultConfig().withSpecs(specs)
                    .withFixtures(Fixtures.read(fixtures, StubServer.API_IDS)))) {
                HttpResponse<String> read = stub.http().get(SEEDED_MOLLIE, MOLLIE);
                assertEquals("from the fixture", JSON.readTree(read.body()).path("description").asText());
            }
        }

        @Test
        void anOperationAddedFailsTheStartNamingItAndItsApi() {
            change("partoo.yaml", spec -> ((ObjectNode) spec.at("/paths/~1webhooks~1{webhook_id}")).putObject("delete")
                    .put("operationId", "deleteWebhook").putObject("responses").putObject("204")
                    .put("description", "Deleted"));
            RuntimeException failure = assertThrows(RuntimeException.class, SpecChangeDrillTest.this::start);
            assertOneLineNaming(failure, "partoo", "deleteWebhook");
        }

        @Test
        void anOperationRemovedFailsTheStartNamingIt() {
            // Renamed: the operation the stub defines is gone, another one is there.
            change("partoo.yaml", spec -> ((ObjectNode) spec.at("/paths/~1webhooks~1{webhook_id}/get"))
                    .put("operationId", "getWebhookConfiguration"));
            RuntimeException failure = assertThrows(RuntimeException.class, SpecChangeDrillTest.this::start);
            assertOneLineNaming(failure, "partoo.yaml", "getWebhook");
        }

        @Test
        void aPropertyTheStubGivesBehaviourToThatTheSpecDropsFailsTheStartNamingIt() {
            changeMollie(spec -> {
                ((ObjectNode) spec.at(MOLLIE_RECORD + "/properties")).remove("status");
                ((ArrayNode) spec.at(MOLLIE_RECORD + "/required")).removeIf(name -> name.asText().equals("status"));
            });
            RuntimeException failure = assertThrows(RuntimeException.class, SpecChangeDrillTest.this::start);
            assertOneLineNaming(failure, "mollie.json", "status");
        }
    }

    /** Adds Mollie's {@code description} after {@code name}, required or not, with the property's example, if any. */
    private static void addDescription(ObjectNode spec, boolean required, String example) {
        ObjectNode schema = (ObjectNode) spec.at(MOLLIE_RECORD);
        ObjectNode properties = schema.objectNode();
        // Whatever description the spec may have by now is replaced.
        ((ObjectNode) schema.get("properties")).remove("description");
        ((ArrayNode) schema.get("required")).removeIf(name -> name.asText().equals("description"));
        schema.get("properties").fields().forEachRemaining(property -> {
            properties.set(property.getKey(), property.getValue());
            if (property.getKey().equals("name")) {
                ObjectNode description = properties.putObject("description").put("type", "string");
                if (example != null) {
                    description.put("example", example);
                }
            }
        });
        schema.set("properties", properties);
        if (required) {
            ((ArrayNode) schema.get("required")).add("description");
        }
    }

    /** The create docs/spec-changes.md shows under its heading, run by bash against the stub; what it printed. */
    private static String runDocumentedCreate(Hookstub stub) throws Exception {
        String page = Files.readString(Path.of("..", "docs", "spec-changes.md"));
        String section = page.substring(page.indexOf("## What follows by itself, and what needs a person"));
        Matcher block = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertTrue(block.find(), "the section shows the command");
        String script = block.group(1).replace("127.0.0.1:8080", "127.0.0.1:" + stub.port());
        Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true).start();
        String printed = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, bash.waitFor(), "the command failed:\n" + script + "\n--- printed:\n" + printed);
        return printed;
    }

    private Hookstub start() {
        return Hookstub.start(Hookstub.defaultConfig().withSpecs(specs));
    }

    private void changeMollie(Consumer<ObjectNode> change) {
        change("mollie.json", change);
    }

    /** Writes a changed copy of a spec into the folder the stub is started on. */
    private void change(String file, Consumer<ObjectNode> change) {
        ObjectMapper format = file.endsWith(".json") ? JSON : new YAMLMapper();
        try {
            ObjectNode spec = (ObjectNode) format.readTree(SpecFile.bytesInTheJar(file));
            change.accept(spec);
            Files.write(specs.resolve(file), format.writeValueAsBytes(spec));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer holds to the (changed) spec's schema of the API's record. */
    private static void assertConforms(Hookstub stub, String id, String body) {
        StubApi api = stub.server().apis().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
        assertEquals(List.of(), api.spec().schemas().at(api.records().schema().pointer())
                .validate(body, InputFormat.JSON));
    }

    private static void assertOneLineNaming(RuntimeException failure, String... named) {
        String message = failure.getMessage();
        assertEquals(1, message.lines().count(), message);
        for (String name : named) {
            assertTrue(message.contains(name), "'" + message + "' names " + name);
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
