package dev.hookstub.openapi.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.hookstub.openapi.OpenApiSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24's drill for {@code diff}: a copy of a shipped spec gains a value in an enum its responses carry (Partoo's
 * {@code event_type}, the one enum the four specs have), and {@code hookstub diff OLD NEW --fail-on breaking} calls it
 * breaking for clients, the generated Java client named, on every operation that answers with it.
 */
class NewResponseEnumValueDrillTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENUM = "/components/schemas/event_type/enum";

    @Test
    void aNewResponseEnumValueInAShippedSpecIsBreakingForClients(@TempDir Path folder) throws Exception {
        JsonNode shipped = OpenApiSpec.fromClasspath("partoo", "openapi/partoo.yaml").document();
        JsonNode changed = shipped.deepCopy();
        ((ArrayNode) changed.at(ENUM)).add("review_received");
        Path before = Files.writeString(folder.resolve("partoo-old.json"), JSON.writeValueAsString(shipped));
        Path after = Files.writeString(folder.resolve("partoo-new.json"), JSON.writeValueAsString(changed));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new DiffCommand(new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
                .run(before.toString(), after.toString(), "--format", "json", "--fail-on", "breaking");

        assertEquals(DiffCommand.FAILED, status, "--fail-on breaking exits 1");
        JsonNode report = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        JsonNode change = findChange(report, "response-enum-value-added");
        assertEquals("error", change.path("severity").asText());
        assertEquals("[\"client\",\"generated-java-client\"]", change.path("audiences").toString());
        assertEquals(ENUM, change.path("pointer").asText());
        assertEquals("enum value \"review_received\" added", change.path("message").asText());
        List<String> operations = JSON.convertValue(change.path("operations"), JSON.getTypeFactory()
                .constructCollectionType(List.class, String.class));
        assertEquals(List.of("GET /webhooks/{webhook_id}"), operations);
        assertEquals(1, report.at("/summary/changes").asInt(), "nothing else changed: " + report.toPrettyString());
    }

    private static JsonNode findChange(JsonNode report, String rule) {
        for (JsonNode change : report.path("changes")) {
            if (change.path("rule").asText().equals(rule)) {
                return change;
            }
        }
        throw new AssertionError("no " + rule + " in " + report.toPrettyString());
    }
}
