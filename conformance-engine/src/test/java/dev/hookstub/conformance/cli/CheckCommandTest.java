package dev.hookstub.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.conformance.cli.ToyServer.Breakage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hookstub check} on a spec the engine never names (written here) against a toy server that implements it. */
class CheckCommandTest {

    @TempDir
    Path dir;

    private record Outcome(int status, String out, String err) {
    }

    private Outcome check(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new CheckCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path spec() throws IOException {
        return Files.writeString(dir.resolve("toy.yaml"), ToyServer.SPEC);
    }

    @Nested
    class AgainstAToyServer {

        @Test
        void aCredentialFromAFileIsUsedAndNeverPrintedAndEveryExchangeIsLogged() throws IOException {
            try (ToyServer toy = new ToyServer(Breakage.NONE)) {
                Path secret = Files.writeString(dir.resolve("token.txt"), ToyServer.TOKEN + "\n");
                Path log = dir.resolve("exchanges.jsonl");
                Outcome run = check("--spec", spec().toString(), "--base-url", toy.baseUrl(),
                        "--credential-file", secret.toString(), "--seed", "7", "--exchange-log", log.toString());
                assertEquals(0, run.status(), run.out() + run.err());
                assertFalse(run.out().contains(ToyServer.TOKEN), "the credential is never printed");
                java.util.List<String> lines = Files.readAllLines(log);
                assertEquals(toy.requests() - 1, lines.size(), "one line per request, but the first look at the server");
                assertTrue(lines.stream().allMatch(line -> line.startsWith("{\"operation\":")), lines.get(0));
                assertFalse(lines.stream().anyMatch(line -> line.contains(ToyServer.TOKEN)), "masked in the log");
                // Each exchange in full enough to replay it: the request's headers and body, the answer's start.
                com.fasterxml.jackson.databind.JsonNode create = new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(lines.stream().filter(line -> line.contains("\"method\":\"POST\"")
                                && line.contains("\"status\":201")).findFirst().orElseThrow());
                assertEquals("***", create.at("/requestHeaders/X-Token").asText(), create.toString());
                assertTrue(create.at("/requestHeaders/Content-Type").asText().startsWith("application/json"),
                        create.toString());
                assertTrue(create.get("requestBody").asText().startsWith("{"), create.toString());
                assertTrue(create.get("responseBody").asText().contains("\"id\""), create.toString());
            }
        }

        @Test
        void aPresetsWrongBaseUrlNoteSaysWhereTheStubServesTheApi() throws IOException {
            try (ToyServer toy = new ToyServer(Breakage.NONE)) {
                String root = toy.baseUrl().replace("/api", "");
                // The provider's own path, without the stub's mount: every valid read is a 404.
                Outcome run = check("--spec", "partoo", "--base-url", root + "/v2", "--seed", "7");
                assertTrue(run.out().contains("the base URL is probably wrong"), run.out());
                assertTrue(run.out().contains("On a hookstub stub at " + root + ", partoo is at " + root
                        + "/partoo/v2."), run.out());
            }
        }

        @Test
        void aServerThatKeepsTheSpecPassesEveryCheckThatApplies() throws IOException {
            try (ToyServer toy = new ToyServer(Breakage.NONE)) {
                Outcome run = check("--spec", spec().toString(), "--base-url", toy.baseUrl(),
                        "--credential", ToyServer.TOKEN, "--second-credential", ToyServer.OTHER_TOKEN,
                        "--seed", "7", "--report", dir.resolve("report").toString());
                assertEquals(0, run.status(), run.out() + run.err());
                assertTrue(run.out().contains("PASS toy getItem response_schema_conformance"), run.out());
                assertTrue(run.out().contains("PASS toy getItem tenant_isolation"), run.out());
                assertTrue(run.out().contains("PASS toy createItem ensure_resource_availability"), run.out());
                assertTrue(run.out().contains("checking toy GET /items/{id} (getItem) ..."), "progress: " + run.out());
                assertFalse(run.out().contains(ToyServer.TOKEN), "the credential is never printed");
                for (String file : new String[] {"conformance.xml", "conformance-report.md", "conformance-report.html"}) {
                    String text = Files.readString(dir.resolve("report").resolve(file));
                    assertTrue(text.contains("getItem"), file);
                    assertFalse(text.contains(ToyServer.TOKEN), file + " masks the credential");
                }
            }
        }

        @Test
        void anApiKeyInTheQueryIsSentThereAndMaskedInTheReport() throws IOException {
            Path querySpec = Files.writeString(dir.resolve("toy.yaml"), ToyServer.SPEC.replace(
                    "token: {type: apiKey, in: header, name: X-Token}", "token: {type: apiKey, in: query, name: token}"));
            try (ToyServer toy = new ToyServer(Breakage.NONE)) {
                Outcome run = check("--spec", querySpec.toString(), "--base-url", toy.baseUrl(),
                        "--credential", ToyServer.TOKEN, "--seed", "7", "--report", dir.resolve("q").toString());
                assertEquals(0, run.status(), run.out() + run.err());
                assertTrue(run.out().contains("PASS toy getItem ignored_auth"), run.out());
                assertFalse(Files.readString(dir.resolve("q").resolve("conformance-report.md"))
                        .contains(ToyServer.TOKEN), "the credential in the URL is masked");
            }
        }

        @Test
        void aWrongTypeInTheBodyFailsNamingTheCheck() throws IOException {
            try (ToyServer toy = new ToyServer(Breakage.ID_AS_STRING)) {
                Outcome run = check("--spec", spec().toString(), "--base-url", toy.baseUrl(),
                        "--credential", ToyServer.TOKEN, "--seed", "7");
                assertEquals(1, run.status(), run.out());
                assertTrue(run.out().contains("FAIL toy getItem response_schema_conformance"), run.out());
                assertTrue(run.out().contains("check(s) failed"), run.out());
            }
        }

        @Test
        void anotherTenantReadingTheRecordFailsTenantIsolation() throws IOException {
            try (ToyServer toy = new ToyServer(Breakage.TENANTS_SHARE_ITEMS)) {
                Outcome run = check("--spec", spec().toString(), "--base-url", toy.baseUrl(),
                        "--credential", ToyServer.TOKEN, "--second-credential", ToyServer.OTHER_TOKEN, "--seed", "7");
                assertEquals(1, run.status(), run.out());
                assertTrue(run.out().contains("FAIL toy getItem tenant_isolation"), run.out());
                assertTrue(run.out().contains("can read a record that is not its own"), run.out());
            }
        }

        @Test
        void withoutACredentialASecuredOperationsValidRequestsAreSkippedNotFailed() throws IOException {
            try (ToyServer toy = new ToyServer(Breakage.NONE)) {
                Outcome run = check("--spec", spec().toString(), "--base-url", toy.baseUrl(), "--seed", "7");
                assertEquals(0, run.status(), run.out());
                assertTrue(run.out().contains("SKIP toy getItem positive_data_acceptance: the operation asks for a "
                        + "credential and none was given (--credential)"), run.out());
                assertTrue(run.out().contains("PASS toy getItem ignored_auth"), run.out());
            }
        }

        /** A document of webhooks only has nothing to send: the last line says that, not "the SKIP lines" (none). */
        @Test
        void aDocumentWithoutOperationsSaysSoWhenNothingIsChecked() throws IOException {
            Path webhooksOnly = Files.writeString(dir.resolve("webhooks.yaml"), "openapi: 3.1.0\n"
                    + "info: {title: hooks, version: '1'}\nwebhooks:\n  ping: {post: {responses: {'200': {description: ok}}}}\n");
            try (ToyServer toy = new ToyServer(Breakage.NONE)) {
                Outcome run = check("--spec", webhooksOnly.toString(), "--base-url", toy.baseUrl());
                assertEquals(0, run.status(), run.out() + run.err());
                assertTrue(run.out().contains("Nothing was checked (0 skipped, 0 requests): the document has no "
                        + "operation to send a request to"), run.out());
            }
        }

        @Test
        void withoutASecondCredentialTenantIsolationIsSkippedAndSaysWhy() throws IOException {
            try (ToyServer toy = new ToyServer(Breakage.TENANTS_SHARE_ITEMS)) {
                Outcome run = check("--spec", spec().toString(), "--base-url", toy.baseUrl(),
                        "--credential", ToyServer.TOKEN, "--seed", "7");
                assertEquals(0, run.status(), run.out());
                assertTrue(run.out().contains("SKIP toy getItem tenant_isolation: no second credential"), run.out());
            }
        }

        @Test
        void selectedChecksAloneAreMadeAndReadOnlySendsNoPost() throws IOException {
            try (ToyServer toy = new ToyServer(Breakage.ID_AS_STRING)) {
                Outcome run = check("--spec", spec().toString(), "--base-url", toy.baseUrl(),
                        "--credential", ToyServer.TOKEN, "--exclude-checks", "response_schema_conformance",
                        "--read-only", "--cases", "2");
                assertEquals(0, run.status(), run.out());
                assertFalse(run.out().contains("response_schema_conformance"), run.out());
                assertTrue(run.out().contains("SKIP toy createItem positive_data_acceptance: read-only run"), run.out());
            }
        }
    }

    @Nested
    class UsageAndConnectionProblems {

        @Test
        void anUnknownCheckIsAUsageErrorOnOneLine() {
            Outcome run = check("--spec", "mollie", "--base-url", "http://127.0.0.1:1", "--checks", "nope");
            assertEquals(2, run.status());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().contains("unknown check(s) nope"), run.err());
        }

        @Test
        void aWholeNumberTooLargeIsOutOfRangeNotNoNumber() {
            Outcome run = check("--spec", "mollie", "--base-url", "http://127.0.0.1:1", "--seed", "99999999999999999999");
            assertEquals(2, run.status());
            assertTrue(run.err().contains("--seed out of range: 99999999999999999999"), run.err());
        }

        @Test
        void aCompareCredentialWithoutCompareWithIsAUsageError() {
            Outcome run = check("--spec", "mollie", "--base-url", "http://127.0.0.1:1", "--compare-credential", "x");
            assertEquals(2, run.status());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().contains("--compare-credential is the credential of the server --compare-with names"),
                    run.err());
        }

        @Test
        void aReportFolderOrExchangeLogThatCannotBeWrittenIsRefusedBeforeAnyRequest() throws IOException {
            // Under a regular file, so that no folder can be made there whoever runs the test (root included).
            Path file = Files.writeString(dir.resolve("a-file"), "x");
            Outcome report = check("--spec", "mollie", "--base-url", "http://127.0.0.1:1",
                    "--report", file.resolve("reports").toString());
            assertEquals(2, report.status());
            assertTrue(report.err().contains("cannot write the report to " + file.resolve("reports")),
                    report.err());
            assertFalse(report.out().contains("Checking"), "refused before the run: " + report.out());
            Outcome log = check("--spec", "mollie", "--base-url", "http://127.0.0.1:1",
                    "--exchange-log", file.resolve("exchanges.jsonl").toString());
            assertEquals(2, log.status());
            assertTrue(log.err().contains("cannot write the exchange log"), log.err());
            assertFalse(log.out().contains("Checking"), "refused before the run: " + log.out());
        }

        @Test
        void aMissingSpecFileIsNamed() {
            Outcome run = check("--spec", dir.resolve("missing.yaml").toString(), "--base-url", "http://127.0.0.1:1");
            assertEquals(2, run.status());
            assertTrue(run.err().contains("cannot read " + dir.resolve("missing.yaml") + ": no such file"), run.err());
        }

        @Test
        void aDocumentThatIsNotOpenApiIsRefused() throws IOException {
            Path notSpec = Files.writeString(dir.resolve("x.yaml"), "swagger: '2.0'\n");
            Outcome run = check("--spec", notSpec.toString(), "--base-url", "http://127.0.0.1:1");
            assertEquals(2, run.status());
            assertTrue(run.err().contains("is a Swagger 2.0 document; hookstub reads OpenAPI 3.0 and 3.1"), run.err());
        }

        @Test
        void aServerThatIsNotThereIsAConnectionProblem() throws IOException {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Outcome run = check("--spec", spec().toString(), "--base-url", "http://127.0.0.1:" + port + "/api");
            assertEquals(2, run.status());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("hookstub check: cannot reach http://127.0.0.1:" + port), run.err());
            assertTrue(run.err().contains("connection refused"), run.err());
        }

        @Test
        void aWordThatIsNeitherAFileNorAPresetListsThePresets() {
            Outcome run = check("--spec", "molly", "--base-url", "http://127.0.0.1:1/api");
            assertEquals(2, run.status());
            assertEquals("hookstub check: cannot read molly: no such file, nor a preset (mijnklantportaal, equalsmoney,"
                    + " partoo, mollie)", run.err().strip());
        }

        @Test
        void anEmptyCredentialIsAUsageErrorNotA401PerOperation() throws IOException {
            for (String option : new String[] {"--credential", "--second-credential"}) {
                Outcome run = check("--spec", spec().toString(), "--base-url", "http://127.0.0.1:1/api", option, "");
                assertEquals(2, run.status(), run.err());
                assertTrue(run.err().contains(option + " is empty"), run.err());
            }
        }

        @Test
        void aHostNameThatNamesNothingIsSaidSoNotARefusedConnection() throws IOException {
            // .invalid never resolves (RFC 6761 §6.4).
            Outcome run = check("--spec", spec().toString(), "--base-url", "http://no-such-host.invalid/api");
            assertEquals(2, run.status());
            assertEquals("hookstub check: cannot reach http://no-such-host.invalid/api: unknown host",
                    run.err().strip());
        }

        @Test
        void helpListsEveryOptionAndCheck() {
            Outcome run = check("--help");
            assertEquals(0, run.status());
            for (String text : new String[] {"--spec", "--base-url", "--second-credential", "--exclude-checks",
                    "--report", "tenant_isolation", "Exit status", "--credential-env", "--credential-file",
                    "--request-timeout", "--max-response-time", "--max-duration", "--exchange-log",
                    "use_after_free", "missing_required_header", "response_headers_conformance", "3 no check failed"}) {
                assertTrue(run.out().contains(text), text);
            }
        }

        @Test
        void anUnusableReportFolderFailsBeforeTheRun() throws IOException {
            try (ToyServer toy = new ToyServer(Breakage.NONE)) {
                Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
                Outcome run = check("--spec", spec().toString(), "--base-url", toy.baseUrl(),
                        "--credential", ToyServer.TOKEN, "--report", file.resolve("report").toString());
                assertEquals(2, run.status());
                assertTrue(run.err().startsWith("hookstub check: cannot write the report to "), run.err());
                assertEquals("", run.out(), "nothing was checked");
                assertEquals(0, toy.requests(), "no request reached the server");
            }
        }

        @Test
        void aCredentialIsGivenOnceOnTheCommandLineInTheEnvironmentOrInAFile() throws IOException {
            Outcome both = check("--spec", spec().toString(), "--base-url", "http://127.0.0.1:1",
                    "--credential", "a", "--credential-file", "b");
            assertEquals(2, both.status());
            assertTrue(both.err().contains("--credential and --credential-file cannot be combined"), both.err());
            Outcome unset = check("--spec", spec().toString(), "--base-url", "http://127.0.0.1:1",
                    "--credential-env", "HOOKSTUB_TEST_SURELY_UNSET_VARIABLE");
            assertEquals(2, unset.status());
            assertTrue(unset.err().contains("the environment variable HOOKSTUB_TEST_SURELY_UNSET_VARIABLE is not set"),
                    unset.err());
            Outcome bad = check("--spec", spec().toString(), "--base-url", "http://127.0.0.1:1",
                    "--request-timeout", "soon");
            assertEquals(2, bad.status());
            assertTrue(bad.err().contains("--request-timeout must be a duration such as 500ms, 5s, 1.5 or 2m"), bad.err());
        }
    }
}
