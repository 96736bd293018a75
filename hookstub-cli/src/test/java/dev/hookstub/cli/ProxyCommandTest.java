package dev.hookstub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.server.CommandLine;
import dev.hookstub.server.ServerConfig;
import dev.hookstub.server.proxy.ProxySettings;
import dev.hookstub.server.proxy.Upstream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code hookstub proxy}'s command line, and its report: the stub's exchanges written by the engine's reports. */
class ProxyCommandTest {

    private record Run(int status, String out, String err) {
    }

    private static Run proxy(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new ProxyCommand(new PrintWriter(out, true), new PrintWriter(err, true)).run(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void helpDocumentsEveryOption() {
        Run help = proxy("--help");
        assertEquals(0, help.status());
        for (CommandLine.Option option : ProxyCommand.OPTIONS) {
            assertTrue(help.out().contains("  " + option.name() + "=<" + option.label() + ">   env " + option.env()),
                    option.name() + " in:\n" + help.out());
        }
        assertTrue(help.out().startsWith("Usage: hookstub proxy --spec S --upstream URL"), help.out());
    }

    /** The help lists -V and --version (the proxy is the stub, and shares serve's help): both print the version. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"-V", "--version"})
    void theVersionTheHelpListsIsPrinted(String flag) {
        assertTrue(proxy("--help").out().contains("  -V, --version "));
        Run version = proxy(flag);
        assertEquals(0, version.status(), version.err());
        assertEquals(CommandLine.VERSION, version.out().strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no spec|--upstream http://127.0.0.1:9/partoo/v2|--spec is required",
            "no upstream|--spec partoo|--upstream is required",
            "an upstream that is no URL|--spec partoo --upstream ftp://example.com|the upstream must be an http:// or "
                    + "https:// URL",
            "a timeout that is no duration|--spec partoo --upstream http://127.0.0.1:9 --upstream-timeout soon|"
                    + "--upstream-timeout must be a duration",
            "a document that cannot be read|--spec ./no-such-spec.yaml --upstream http://127.0.0.1:9|cannot read "
                    + "./no-such-spec.yaml: no such file",
            "an unknown option|--spec partoo --upstream http://127.0.0.1:9 --upstream-retries 3|Unknown option: "
                    + "'--upstream-retries'",
            "a serve option gone wrong|--spec partoo --upstream http://127.0.0.1:9 --port 70000|--port must be between"})
    void aBadCommandLineIsOneLineAndExitStatusTwo(String what, String args, String says) {
        Run run = proxy(args.split(" "));
        assertEquals(2, run.status(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("hookstub: " + says), run.err());
        assertTrue(run.err().strip().endsWith("(see hookstub proxy --help)"), run.err());
    }

    @Test
    void recordingADocumentOfAnotherApiIsRefused(@TempDir Path folder) throws Exception {
        Path spec = Files.writeString(folder.resolve("pets.yaml"), """
                openapi: 3.1.0
                info: {title: pets, version: '1'}
                paths: {}
                """);
        Run run = proxy("--spec", spec.toString(), "--upstream", "http://127.0.0.1:9", "--record",
                folder.resolve("fixtures").toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("--record writes fixtures in the stub's own format: it needs a preset"),
                run.err());
    }

    /** The report folder behind POST /__admin/proxy/report: what passed, judged, per operation, masked. */
    @Test
    void theReportIsWrittenOnDemandAsCheckWritesItsReports(@TempDir Path folder) throws Exception {
        Path reports = folder.resolve("report");
        // The test kit's Hookstub, not this module's command of the same name.
        try (var upstream = dev.hookstub.junit.Hookstub.start(ServerConfig.defaults().withPort(0));
             var proxy = dev.hookstub.junit.Hookstub.start(ServerConfig.defaults().withPort(0).withProxy(ProxySettings
                     .forApi("partoo", Upstream.of(upstream.baseUri() + "/partoo/v2"))
                     .withReport(new ProxyReportFolder(reports, api -> "the upstream stub"))))) {
            HttpClient client = HttpClient.newHttpClient();
            for (String path : new String[] {"/partoo/v2/webhooks/1", "/partoo/v2/webhooks/1?org_id=first"}) {
                client.send(HttpRequest.newBuilder(URI.create(proxy.baseUri() + path))
                        .header("x-APIKey", "partoo_test_key").build(), HttpResponse.BodyHandlers.ofString());
            }
            HttpResponse<String> written = client.send(HttpRequest.newBuilder(
                            URI.create(proxy.baseUri() + "/__admin/proxy/report"))
                    .header("Authorization", "Bearer admin_test_key")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, written.statusCode(), written.body());
            assertTrue(written.body().contains("\"exchanges\":2,\"withViolations\":1"), written.body());
        }
        String markdown = Files.readString(reports.resolve("conformance-report.md"));
        assertTrue(markdown.contains("Checked at `the upstream stub`"), markdown);
        assertTrue(markdown.contains("`request_parameter_conformance` | /query/org_id: query parameter org_id 'first'"),
                markdown);
        assertFalse(markdown.contains("partoo_test_key"), "credentials are masked: " + markdown);
        String xml = Files.readString(reports.resolve("conformance.xml"));
        assertTrue(xml.contains("name=\"partoo getWebhook request_parameter_conformance\""), xml);
        assertTrue(Files.exists(reports.resolve("conformance-report.html")));
    }
}
