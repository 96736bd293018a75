package dev.hookstub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged {@code hookstub.jar}, run as a user runs it: {@code serve} in one process, {@code check} in others. */
class HookstubJarIT {

    private static final Pattern LISTENING = Pattern.compile("hookstub listening on (http://\\S+)");
    private static final String JAR = System.getProperty("hookstub.jar", "target/hookstub.jar");

    private static Process stub;
    private static String base;

    private record Run(int status, String output) {
    }

    @BeforeAll
    static void serve() throws IOException {
        stub = new ProcessBuilder(java(), "-jar", JAR, "serve", "--port", "0").redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(stub.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            Matcher listening = LISTENING.matcher(line);
            if (listening.find()) {
                base = listening.group(1);
                break;
            }
        }
        assertTrue(base != null, "the stub printed where it listens");
        Thread drain = new Thread(() -> lines.lines().forEach(ignored -> { }), "stub-output");
        drain.setDaemon(true);
        drain.start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (stub != null) {
            stub.destroy();
            stub.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Run hookstub(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "finished");
        return new Run(process.exitValue(), output);
    }

    @Test
    void checkPassesAgainstTheRunningStubForEveryPreset() throws Exception {
        for (String[] api : new String[][] {{"mollie", "/mollie"}, {"equalsmoney", "/equalsmoney/v2"},
                {"partoo", "/partoo/v2"}, {"mijnklantportaal", "/mijnklantportaal/v1"}}) {
            Run run = hookstub("check", "--spec", api[0], "--base-url", base + api[1], "--seed", "11");
            assertEquals(0, run.status(), run.output());
            assertTrue(run.output().contains("All checks passed"), run.output());
            assertTrue(run.output().contains("PASS " + api[0]), run.output());
        }
    }

    /** issue 26: the same requests to two stubs differ in nothing; a changed copy's difference is named. */
    @Test
    void compareWithFindsNoDifferenceBetweenTwoStubsAndNamesAPlantedOne() throws Exception {
        Process second = new ProcessBuilder(java(), "-jar", JAR, "serve", "--port", "0").redirectErrorStream(true).start();
        try {
            String other = listeningOn(second);
            for (String[] api : new String[][] {{"mollie", "/mollie"}, {"equalsmoney", "/equalsmoney/v2"},
                    {"partoo", "/partoo/v2"}, {"mijnklantportaal", "/mijnklantportaal/v1"}}) {
                Run run = hookstub("check", "--spec", api[0], "--base-url", base + api[1], "--compare-with",
                        other + api[1], "--seed", "5");
                assertEquals(0, run.status(), run.output());
                assertTrue(run.output().contains("Compared with " + other + api[1] + ": no difference."), run.output());
            }
            try (BodyRewritingProxy proxy = new BodyRewritingProxy(other, body -> body.replaceAll(",\"createdAt\":\"[^\"]*\"", ""))) {
                Run run = hookstub("check", "--spec", "mijnklantportaal", "--base-url", base + "/mijnklantportaal/v1",
                        "--compare-with", proxy.url() + "/mijnklantportaal/v1", "--seed", "5");
                assertEquals(0, run.status(), "differences alone do not fail a run: " + run.output());
                assertTrue(run.output().contains("DIFF create-webhook (the spec's example): property /createdAt: present"
                        + " here, absent there"), run.output());
            }
        } finally {
            second.destroy();
            second.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** docs/stub.md: {@code --log-requests} is one log line per request (java.util.logging's own format takes two). */
    @Test
    void logRequestsIsOneLinePerRequest() throws Exception {
        Process logging = new ProcessBuilder(java(), "-jar", JAR, "serve", "--port", "0", "--log-requests")
                .redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(logging.getInputStream(),
                    StandardCharsets.UTF_8));
            String other = null;
            for (String line = lines.readLine(); line != null && other == null; line = lines.readLine()) {
                Matcher listening = LISTENING.matcher(line);
                other = listening.find() ? listening.group(1) : null;
            }
            assertTrue(other != null, "the stub printed where it listens");
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(other + "/partoo/v2/webhooks/9"))
                    .header("x-APIKey", "partoo_test_key").build(), HttpResponse.BodyHandlers.discarding());
            String logged = lines.readLine();
            while (logged != null && !logged.contains("/partoo/v2/webhooks/9")) {
                logged = lines.readLine();
            }
            assertTrue(logged != null && logged.matches("\\d\\d:\\d\\d:\\d\\d INFO partoo GET /partoo/v2/webhooks/9 -> 404 .*"), logged);
        } finally {
            logging.destroy();
            logging.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String listeningOn(Process process) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            Matcher listening = LISTENING.matcher(line);
            if (listening.find()) {
                Thread drain = new Thread(() -> lines.lines().forEach(ignored -> { }), "second-stub-output");
                drain.setDaemon(true);
                drain.start();
                return listening.group(1);
            }
        }
        throw new AssertionError("the second stub printed no address");
    }

    @Test
    void tenantIsolationRunsWithTheStubsSecondTenantKey() throws Exception {
        Run run = hookstub("check", "--spec", "partoo", "--base-url", base + "/partoo/v2", "--checks",
                "tenant_isolation");
        assertEquals(0, run.status(), run.output());
        assertTrue(run.output().contains("PASS partoo getWebhook tenant_isolation"), run.output());
    }

    @Test
    void checkReadsTheAdminApisOwnDocumentFromTheStub(@TempDir Path reports) throws Exception {
        Run run = hookstub("check", "--spec", base + "/__admin/openapi.yaml", "--base-url", base + "/__admin",
                "--credential", "admin_test_key", "--report", reports.toString(), "--seed", "5");
        assertEquals(0, run.status(), run.output());
        for (String api : List.of("Mijnklantportaal", "Equalsmoney", "Partoo", "Mollie")) {
            assertTrue(run.output().contains("PASS openapi list" + api + "Records response_schema_conformance"),
                    run.output());
            assertTrue(run.output().contains("PASS openapi create" + api + "Record positive_data_acceptance"),
                    run.output());
            assertTrue(run.output().contains("PASS openapi trigger" + api + "Event positive_data_acceptance"),
                    run.output());
        }
        String html = Files.readString(reports.resolve("conformance-report.html"));
        assertTrue(html.contains("hookstub") || html.contains("openapi"), "the HTML report names the spec");
        assertTrue(!html.contains("admin_test_key"), "the credential is masked in the report");
    }

    @Test
    void aServerThatIsNotThereIsExitStatusTwoOnOneLine() throws Exception {
        Run run = hookstub("check", "--spec", "mollie", "--base-url", "http://127.0.0.1:1/mollie");
        assertEquals(2, run.status(), run.output());
        assertEquals(1, run.output().lines().count(), run.output());
    }

    @Test
    void diffReportsABreakingChangeBetweenTwoFiles(@TempDir Path folder) throws Exception {
        String spec = "openapi: 3.1.0\ninfo: {title: Pets, version: '1'}\npaths: {/pets: {get: {responses: {'200':"
                + " {description: ok, content: {application/json: {schema: {type: string, enum: %s}}}}}}}}\n";
        Path before = Files.writeString(folder.resolve("old.yaml"), spec.formatted("[cat]"));
        Path after = Files.writeString(folder.resolve("new.yaml"), spec.formatted("[cat, dog]"));
        Run run = hookstub("diff", before.toString(), after.toString(), "--fail-on", "breaking");
        assertEquals(1, run.status(), run.output());
        assertTrue(run.output().contains("error    response-enum-value-added (for client, generated-java-client)"),
                run.output());
        Run missing = hookstub("diff", before.toString(), folder.resolve("nope.yaml").toString());
        assertEquals(2, missing.status(), missing.output());
        assertEquals(1, missing.output().lines().count(), missing.output());
    }

    /**
     * The diff commands of docs/spec-changes.md run as written, from a folder holding {@code specs/partoo.yaml} and a
     * provider's new version of it ({@code partoo-new.yaml}: a value added to a response enum).
     */
    @Test
    void theDiffCommandsOfTheSpecChangesPageWorkAsWritten(@TempDir Path folder) throws Exception {
        String page = Files.readString(Path.of("..", "docs", "spec-changes.md"));
        String section = page.substring(page.indexOf("## See what changed: hookstub diff"),
                page.indexOf("## What changed in the generated Java API"));
        List<String> commands = section.lines().map(String::trim)
                .filter(line -> line.startsWith("java -jar hookstub-cli/target/hookstub.jar diff ")).toList();
        assertEquals(4, commands.size(), section);
        Files.createDirectories(folder.resolve("specs"));
        String partoo = Files.readString(Path.of("..", "specs", "partoo.yaml"));
        Files.writeString(folder.resolve("specs/partoo.yaml"), partoo);
        Files.writeString(folder.resolve("partoo-new.yaml"),
                partoo.replace("        - lead_received\n", "        - lead_received\n        - review_received\n"));
        for (String command : commands) {
            List<String> args = new ArrayList<>(List.of(java(), "-jar", Path.of(JAR).toAbsolutePath().toString()));
            args.addAll(List.of(command.substring("java -jar hookstub-cli/target/hookstub.jar ".length()).split(" ")));
            Process process = new ProcessBuilder(args).directory(folder.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), command);
            assertEquals(command.contains("--fail-on breaking") ? 1 : 0, process.exitValue(), command + "\n" + output);
            assertTrue(output.contains("response-enum-value-added") || output.contains("report written to"),
                    command + "\n" + output);
        }
        assertTrue(Files.readString(folder.resolve("partoo-changes.md")).contains("`response-enum-value-added`"));
    }

    @Test
    void anUnknownCommandIsAUsageError() throws Exception {
        Run run = hookstub("frobnicate");
        assertEquals(2, run.status());
        assertTrue(run.output().contains("unknown command 'frobnicate'"), run.output());
    }

    @Test
    void eachCommandHasItsHelp() throws Exception {
        Run top = hookstub("--help");
        assertEquals(0, top.status());
        assertTrue(top.output().contains("serve") && top.output().contains("check") && top.output().contains("diff"),
                top.output());
        Run serve = hookstub("serve", "--help");
        assertEquals(0, serve.status());
        assertTrue(serve.output().contains("--data-dir"), serve.output());
        Run check = hookstub("check", "--help");
        assertEquals(0, check.status());
        assertTrue(check.output().contains("--second-credential"), check.output());
        Run diff = hookstub("diff", "--help");
        assertEquals(0, diff.status());
        assertTrue(diff.output().contains("--fail-on"), diff.output());
    }
}
