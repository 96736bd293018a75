package dev.hookstub.openapi.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.openapi.OpenApiSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A real pair: two published versions of Scalar's Galaxy document from npm ({@code @scalar/galaxy} 0.2.5 and
 * 0.2.20: security schemes renamed, XML media types added, error responses remodelled, a user schema recomposed
 * with allOf). The report was read against both documents by hand once and is kept in
 * {@code src/test/resources/galaxy-0.2.5-to-0.2.20.txt}; any change to it must be read again. Both versions are
 * installed once into {@code target/scalar-galaxy} under npm aliases (npm is on every machine that builds this); a
 * failing install fails the test, it never skips.
 */
class PublishedVersionsTest {

    private static final String PACKAGE = "@scalar/galaxy";
    private static final String OLD = "0.2.5";
    private static final String NEW = "0.2.20";
    private static final String EXPECTED = "/galaxy-" + OLD + "-to-" + NEW + ".txt";

    @Test
    void galaxyFromOneReleaseToTheNextReportsWhatWasCheckedByHand() throws Exception {
        Path folder = Path.of("target", "scalar-galaxy").toAbsolutePath();
        install(folder);
        OpenApiSpec before = OpenApiSpec.load(document(folder, "galaxy-old").toString());
        OpenApiSpec after = OpenApiSpec.load(document(folder, "galaxy-new").toString());

        String report = ReportFormat.TEXT.render(SpecDiff.compare(PACKAGE + "@" + OLD, before.document(),
                PACKAGE + "@" + NEW, after.document()));

        Path actual = folder.resolve("actual.txt");
        Files.writeString(actual, report);
        assertEquals(expected(), report, "the report differs from the one checked by hand; it is in " + actual);
    }

    private static Path document(Path folder, String alias) {
        return folder.resolve("node_modules").resolve(alias).resolve("dist").resolve("latest.yaml");
    }

    private static String expected() throws IOException {
        try (InputStream in = PublishedVersionsTest.class.getResourceAsStream(EXPECTED)) {
            return in == null ? "(no " + EXPECTED + ")" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** npm install of both versions, once: a rerun finds them there. */
    private static void install(Path folder) throws Exception {
        if (installed(folder, "galaxy-old", OLD) && installed(folder, "galaxy-new", NEW)) {
            return;
        }
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("package.json"), "{\"name\": \"hookstub-diff-pair\", \"private\": true}\n");
        Path log = folder.resolve("npm-install.log");
        Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund",
                "galaxy-old@npm:" + PACKAGE + "@" + OLD, "galaxy-new@npm:" + PACKAGE + "@" + NEW)
                .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!npm.waitFor(5, TimeUnit.MINUTES)) {
            npm.destroyForcibly();
            throw new AssertionError("npm install " + PACKAGE + " took over 5 minutes; see " + log);
        }
        assertEquals(0, npm.exitValue(), () -> "npm install " + PACKAGE + " failed: " + read(log));
    }

    private static boolean installed(Path folder, String alias, String version) throws IOException {
        Path manifest = folder.resolve("node_modules").resolve(alias).resolve("package.json");
        return Files.exists(manifest)
                && new ObjectMapper().readTree(manifest.toFile()).path("version").asText().equals(version);
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
