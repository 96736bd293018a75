package dev.hookstub.conformance.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.conformance.cli.CheckCommand;
import dev.hookstub.openapi.OpenApiSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code hookstub check} on documents nobody here wrote, each mocked by Stoplight Prism 5.16 as its users mock them:
 * Scalar's Galaxy (OpenAPI 3.1.1), every document of {@code @readme/oas-examples} 8.2.2 (3.0 and 3.1), and the first
 * few hundred operations of GitHub's REST API ({@code @octokit/openapi} 23.0.2). Every one must reach a report in which
 * every operation has a verdict: no crash, no engine error. Whether Prism's answers keep to the documents is Prism's
 * business (a mock returns examples, not stored records), so checks may fail; the engine must not. The packages are
 * installed from the npm registry into {@code target/real-world-specs} on the first run. Prism answers its mocks in
 * milliseconds but never answers malformed JSON, so the requests time out after half a second (each such silence
 * fails its check, and after three the engine stops sending that kind); documents run two at a time.
 */
@Execution(ExecutionMode.CONCURRENT)
class RealWorldSpecsTest {

    private static final Path FOLDER = Path.of("target", "real-world-specs").toAbsolutePath();
    private static final List<String> PACKAGES = List.of("@stoplight/prism-cli@5.16.0", "@octokit/openapi@23.0.2",
            "@scalar/galaxy@0.6.12", "@readme/oas-examples@8.2.2");
    /** Enough of GitHub's 1,223 operations to meet its shapes; the whole document is the benchmark's. */
    private static final int GITHUB_OPERATIONS = 250;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void install() throws Exception {
        Files.createDirectories(FOLDER);
        if (Files.exists(FOLDER.resolve("node_modules/@readme/oas-examples/package.json"))
                && Files.exists(FOLDER.resolve("node_modules/.bin/prism"))) {
            return;
        }
        Files.writeString(FOLDER.resolve("package.json"), "{\"private\": true}\n");
        List<String> command = new ArrayList<>(List.of("npm", "install", "--no-audit", "--no-fund"));
        command.addAll(PACKAGES);
        Path log = FOLDER.resolve("npm-install.log");
        Process npm = new ProcessBuilder(command).directory(FOLDER.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!npm.waitFor(10, TimeUnit.MINUTES)) {
            npm.destroyForcibly();
            throw new AssertionError("npm install took over 10 minutes; see " + log);
        }
        assertEquals(0, npm.exitValue(), () -> "npm install failed: " + read(log));
    }

    static Stream<String> documents() throws IOException {
        install0();
        List<String> documents = new ArrayList<>();
        documents.add("node_modules/@scalar/galaxy/dist/latest.json");
        for (String version : List.of("3.0", "3.1")) {
            try (Stream<Path> files = Files.list(FOLDER.resolve("node_modules/@readme/oas-examples/" + version + "/json"))) {
                files.filter(file -> file.toString().endsWith(".json")).sorted()
                        .forEach(file -> documents.add(FOLDER.relativize(file).toString()));
            }
        }
        documents.add(githubSubset());
        // -Dcorpus.only=part runs the documents whose path contains it (to look at one quickly).
        String only = System.getProperty("corpus.only", "");
        return documents.stream().filter(document -> document.contains(only));
    }

    /** The parameterised test's source runs before @BeforeAll. */
    private static void install0() throws IOException {
        try {
            install();
        } catch (Exception e) {
            throw new IOException("cannot install the real-world documents: " + e.getMessage(), e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void everyOperationReachesAVerdict(String document) throws Exception {
        Path spec = FOLDER.resolve(document);
        Path work = Files.createDirectories(FOLDER.resolve("runs").resolve(document.replaceAll("[^A-Za-z0-9.-]", "_")));
        if (OpenApiSpec.load(spec.toString()).operations().isEmpty()) {
            // Prism mocks nothing without paths (a 3.1 document of webhooks only): nothing answers, nothing to check.
            assertNothingToCheck(spec, work);
            return;
        }
        try (Prism prism = Prism.start(FOLDER, spec, work.resolve("prism.log"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = new CheckCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)).run(
                    "--spec", spec.toString(), "--base-url", prism.url(), "--credential", "corpus-credential",
                    "--seed", "5", "--cases", "2", "--request-timeout", "500ms", "--report", work.resolve("report").toString());
            String console = out.toString(StandardCharsets.UTF_8);
            String problems = err.toString(StandardCharsets.UTF_8);
            // An operation whose schema the document's own dialect forbids has no verdict, and says so (exit 3);
            // any other error would be the engine's.
            List<String> errors = console.lines().filter(line -> line.trim().startsWith("ERROR ")).toList();
            assertTrue(errors.stream().allMatch(line -> line.contains("the document cannot be checked here: ")),
                    () -> String.join("\n", errors));
            assertTrue(status == CheckCommand.PASSED || status == CheckCommand.FAILED
                            || status == CheckCommand.ENGINE_ERROR && !errors.isEmpty(),
                    () -> "exit " + status + ": " + problems + "\n" + tail(console));
            String xml = Files.readString(work.resolve("report").resolve("conformance.xml"));
            assertTrue(xml.contains("<testsuites name=\"hookstub conformance\""), () -> xml.substring(0, 400));
        }
    }

    private static void assertNothingToCheck(Path spec, Path work) throws IOException {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status = new CheckCommand(new PrintStream(out, true, StandardCharsets.UTF_8), System.err).run(
                    "--spec", spec.toString(), "--base-url", "http://127.0.0.1:" + server.getAddress().getPort(),
                    "--report", work.resolve("report").toString());
            String console = out.toString(StandardCharsets.UTF_8);
            assertEquals(CheckCommand.PASSED, status, console);
            assertTrue(console.contains("declares no operation under 'paths'"), console);
            assertTrue(console.contains("Nothing was checked") && !console.contains("All checks passed"), console);
            assertTrue(Files.exists(work.resolve("report").resolve("conformance.xml")));
        } finally {
            server.stop(0);
        }
    }

    /** GitHub's document with its first operations only, every component kept (so every $ref still resolves). */
    private static String githubSubset() throws IOException {
        Path subset = FOLDER.resolve("github-" + GITHUB_OPERATIONS + "-operations.json");
        if (!Files.exists(subset)) {
            JsonNode whole = JSON.readTree(FOLDER.resolve("node_modules/@octokit/openapi/generated/api.github.com.json")
                    .toFile());
            ObjectNode paths = JSON.createObjectNode();
            int operations = 0;
            Iterator<Map.Entry<String, JsonNode>> entries = whole.path("paths").fields();
            while (entries.hasNext() && operations < GITHUB_OPERATIONS) {
                Map.Entry<String, JsonNode> path = entries.next();
                paths.set(path.getKey(), path.getValue());
                operations += path.getValue().size();
            }
            ((ObjectNode) whole).set("paths", paths);
            ((ObjectNode) whole).remove("webhooks");
            JSON.writeValue(subset.toFile(), whole);
        }
        return FOLDER.relativize(subset).toString();
    }

    private static String tail(String text) {
        return text.length() <= 4_000 ? text : "…" + text.substring(text.length() - 4_000);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static final class StartTimedOut extends AssertionError {
        StartTimedOut(String message) {
            super(message);
        }
    }

    /** A Prism mock of one document on a free loopback port, for the length of one test. */
    private record Prism(Process process, int port) implements AutoCloseable {

        /**
         * Prism on a free port, once it says it listens. On a loaded machine a node process has been seen to print
         * nothing for minutes, and the port found free to be taken before Prism bound it; such a start is abandoned
         * and tried once more.
         */
        static Prism start(Path folder, Path document, Path log) throws Exception {
            try {
                return startOnce(folder, document, log);
            } catch (StartTimedOut first) {
                return startOnce(folder, document, log);
            }
        }

        private static Prism startOnce(Path folder, Path document, Path log) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Process process = new ProcessBuilder(folder.resolve("node_modules/.bin/prism").toString(), "mock",
                    "-h", "127.0.0.1", "-p", Integer.toString(port), document.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                if (Files.exists(log) && Files.readString(log).contains("Prism is listening")) {
                    return new Prism(process, port);
                }
                if (!process.isAlive()) {
                    String said = read(log);
                    if (said.contains("EADDRINUSE")) {
                        // The free port was taken by another process between our look and Prism's bind.
                        throw new StartTimedOut("prism found port " + port + " taken: " + said);
                    }
                    throw new AssertionError("prism could not mock " + document + ": " + said);
                }
                Thread.sleep(200);
            }
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new StartTimedOut("prism did not start on " + document + " within 120 s: " + read(log));
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
