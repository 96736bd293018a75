package dev.hookstub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.conformance.preset.Preset;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hookstub diff} as the command wires it: two files, and a preset's name for the spec hookstub ships. */
class HookstubDiffTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int status, String out, String err) {
    }

    private static Run diff(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = HookstubCommand.diff(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Mollie's shipped document with one path removed, written to a file. */
    private static Path mollieWithoutAPath(Path folder) throws Exception {
        JsonNode document = Preset.MOLLIE.spec().document();
        String removed = document.path("paths").fieldNames().next();
        ((ObjectNode) document.path("paths")).remove(removed);
        return Files.writeString(folder.resolve("mollie-next.json"), JSON.writeValueAsString(document));
    }

    @Test
    void diffComparesTwoFiles(@TempDir Path folder) throws Exception {
        Path before = Files.writeString(folder.resolve("mollie.json"),
                JSON.writeValueAsString(Preset.MOLLIE.spec().document()));
        Path after = mollieWithoutAPath(folder);
        Run run = diff(before.toString(), after.toString(), "--fail-on", "breaking");
        assertEquals(1, run.status(), run.err());
        assertTrue(run.out().contains("error    path-removed (for client, generated-java-client)"), run.out());
        assertEquals(0, diff(before.toString(), before.toString(), "--fail-on", "breaking").status());
    }

    @Test
    void aPresetNameStandsForTheSpecHookstubShips(@TempDir Path folder) throws Exception {
        Run run = diff("mollie", mollieWithoutAPath(folder).toString(), "--format", "json");
        assertEquals(0, run.status(), run.err());
        JsonNode report = JSON.readTree(run.out());
        assertEquals("path-removed", report.at("/changes/0/rule").asText(), run.out());
        assertTrue(report.path("old").asText().startsWith("mollie ("), report.path("old").asText());
    }
}
