package dev.hookstub.openapi.diff;

import static dev.hookstub.openapi.diff.Documents.requestSchema;
import static dev.hookstub.openapi.diff.Documents.responseSchema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.openapi.OpenApiSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command as a user runs it: arguments, exit status, the three formats, and bad input on one line. */
class DiffCommandTest {

    private static final String ENUM = "{type: object, properties: {kind: {type: string, enum: %s}}}";

    @TempDir
    Path folder;

    private record Run(int status, String out, String err) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new DiffCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                name -> name.equals("cats") ? Optional.of(OpenApiSpec.fromDocument("cats",
                        Documents.parse(responseSchema("3.1.0", ENUM.formatted("[cat]"))))) : Optional.empty())
                .run(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String file(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content).toString();
    }

    /** A new response enum value: an error (breaking) for clients, the generated Java client above all. */
    private String[] enumValueAdded() throws IOException {
        return new String[] {file("old.yaml", responseSchema("3.1.0", ENUM.formatted("[cat]"))),
                file("new.yaml", responseSchema("3.1.0", ENUM.formatted("[cat, dog]")))};
    }

    private static String[] with(String[] files, String... options) {
        String[] args = new String[files.length + options.length];
        System.arraycopy(files, 0, args, 0, files.length);
        System.arraycopy(options, 0, args, files.length, options.length);
        return args;
    }

    @Nested
    class ExitStatus {

        @Test
        void isZeroWithoutFailOnWhateverTheChanges() throws IOException {
            Run run = run(enumValueAdded());
            assertEquals(0, run.status(), run.err());
            assertTrue(run.out().contains("error    response-enum-value-added (for client, generated-java-client)"),
                    run.out());
        }

        @Test
        void isOneWithFailOnBreakingWhenAChangeIsAnError() throws IOException {
            assertEquals(1, run(with(enumValueAdded(), "--fail-on", "breaking")).status());
            assertEquals(1, run(with(enumValueAdded(), "--fail-on=warning")).status());
        }

        @Test
        void followsTheLevelFailOnNames() throws IOException {
            String enumAdded = "{type: object, properties: {kind: {type: string, enum: %s}}}";
            String[] warningOnly = {file("a.yaml", requestSchema("3.1.0", enumAdded.formatted("[cat]"))),
                    file("b.yaml", requestSchema("3.1.0", enumAdded.formatted("[cat, dog]")))};
            assertEquals(0, run(with(warningOnly, "--fail-on", "breaking")).status());
            assertEquals(1, run(with(warningOnly, "--fail-on", "warning")).status());
        }

        @Test
        void isZeroWithFailOnWhenNothingChanged() throws IOException {
            String same = file("same.yaml", responseSchema("3.1.0", ENUM.formatted("[cat]")));
            Run run = run(same, same, "--fail-on", "warning");
            assertEquals(0, run.status());
            assertTrue(run.out().contains("No changes."), run.out());
        }
    }

    @Nested
    class Formats {

        @Test
        void jsonHasEveryFieldOfEachChange() throws IOException {
            Run run = run(with(enumValueAdded(), "--format", "json"));
            JsonNode report = new ObjectMapper().readTree(run.out());
            assertEquals(1, report.at("/summary/changes").asInt());
            assertEquals(1, report.at("/summary/error").asInt());
            assertEquals(0, report.at("/summary/warning").asInt());
            JsonNode change = report.at("/changes/0");
            assertEquals("response-enum-value-added", change.path("rule").asText());
            assertEquals("error", change.path("severity").asText());
            assertEquals("[\"client\",\"generated-java-client\"]", change.path("audiences").toString());
            assertEquals("[\"GET /pets\"]", change.path("operations").toString());
            assertEquals("/paths/~1pets/get/responses/200/content/application~1json/schema/properties/kind/enum",
                    change.path("pointer").asText());
            assertEquals("enum value \"dog\" added", change.path("message").asText());
        }

        @Test
        void markdownIsATableRowPerChange() throws IOException {
            Run run = run(with(enumValueAdded(), "--format", "markdown"));
            assertTrue(run.out().contains("| Severity | Rule | For | Operation | Where | Change |"), run.out());
            assertTrue(run.out().contains("| error | `response-enum-value-added` | client, generated-java-client"
                    + " | GET /pets | `/paths/~1pets/get/responses/200/content/application~1json/schema/properties/kind"
                    + "/enum` | enum value \"dog\" added |"), run.out());
        }

        @Test
        void textNamesWhereWhatAndForWhom() throws IOException {
            Run run = run(enumValueAdded());
            assertTrue(run.out().contains("1 change: 1 error, 0 warning, 0 info."), run.out());
            assertTrue(run.out().contains("""
                             GET /pets
                             at /paths/~1pets/get/responses/200/content/application~1json/schema/properties/kind/enum
                             enum value "dog" added
                    """), run.out());
        }

        @Test
        void outputWritesTheReportToAFile() throws IOException {
            Path report = folder.resolve("report.json");
            Run run = run(with(enumValueAdded(), "--format", "json", "--output", report.toString()));
            assertEquals(0, run.status());
            assertEquals("response-enum-value-added",
                    new ObjectMapper().readTree(report.toFile()).at("/changes/0/rule").asText());
            assertTrue(run.out().contains("1 change: 1 error, 0 warning, 0 info; report written to"), run.out());
        }
    }

    @Nested
    class BadInput {

        private void assertOneLine(Run run, String expected) {
            assertEquals(2, run.status(), run.out() + run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().contains(expected), run.err());
            assertFalse(run.err().matches("(?s).*(Exception|com\\.fasterxml|\\bat [a-z]+\\.).*"), run.err());
            assertEquals("", run.out());
        }

        @Test
        void aFileThatIsNotThere() throws IOException {
            assertOneLine(run(folder.resolve("nope.yaml").toString(), enumValueAdded()[1]), ": no such file");
        }

        @Test
        void aSwaggerTwoDocumentIsNamedAsSuch() throws IOException {
            String swagger = file("swagger.yaml", "swagger: '2.0'\ninfo: {title: Old, version: '1'}\npaths: {}\n");
            assertOneLine(run(swagger, enumValueAdded()[1]), "is a Swagger 2.0 document");
        }

        @Test
        void aDocumentThatIsNotOpenApi() throws IOException {
            String other = file("other.json", "{\"name\": \"not an API\"}");
            assertOneLine(run(enumValueAdded()[0], other), "is not an OpenAPI document: it has no 'openapi' version field");
        }

        @Test
        void brokenYaml() throws IOException {
            String broken = file("broken.yaml", "openapi: 3.1.0\ninfo: {title: [unclosed\n");
            assertOneLine(run(enumValueAdded()[0], broken), "is not valid YAML at line 2");
        }

        @Test
        void anUnreachableUrl() throws IOException {
            assertOneLine(run(enumValueAdded()[0], "http://127.0.0.1:1/openapi.yaml"),
                    "cannot read http://127.0.0.1:1/openapi.yaml: connection refused");
        }

        @Test
        void usageProblems() throws IOException {
            assertOneLine(run(enumValueAdded()[0]), "needs two documents");
            assertOneLine(run(with(enumValueAdded(), "--format", "html")), "--format must be text, markdown or json");
            assertOneLine(run(with(enumValueAdded(), "--fail-on", "info")), "--fail-on must be breaking or warning");
            assertOneLine(run(with(enumValueAdded(), "--colour")), "unknown option --colour");
        }
    }

    @Test
    void aPresetNameStandsForItsDocument() throws IOException {
        Run run = run("cats", enumValueAdded()[1], "--fail-on", "breaking");
        assertEquals(1, run.status(), run.err());
        assertTrue(run.out().contains("hookstub diff: cats (Pets 1) -> "), run.out());
    }

    @Test
    void helpListsTheOptions() {
        Run run = run("--help");
        assertEquals(0, run.status());
        assertTrue(run.out().contains("--fail-on LEVEL") && run.out().contains("--output FILE"), run.out());
    }
}
