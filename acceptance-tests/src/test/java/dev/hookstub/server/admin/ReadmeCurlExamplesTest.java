package dev.hookstub.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.junit.Hookstub;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shell examples of the README and the docs (every {@code ```sh} block: {@code ```bash} marks a command that is
 * shown, not run, such as one that starts a server) are sequences that must work as written: each page's blocks run
 * by bash, in order, against one fresh stub, with only the port changed. A block passes when every command in it
 * succeeds ({@code set -e}; the examples use {@code curl --fail-with-body} where they expect success) and every line
 * the block shows as {@code # → output} appears in what it printed, in that order.
 */
class ReadmeCurlExamplesTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);
    private static final String SHOWN = "# → ";

    /** The README and every page of docs/ that shows a block to run. */
    static java.util.stream.Stream<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (java.util.stream.Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(page -> page.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages.stream().filter(page -> !blocks(read(page)).isEmpty());
    }

    @Test
    void theReadmeAndTheSteeringPageShowBlocksToRun() throws IOException {
        List<String> shown = pages().map(page -> page.getFileName().toString()).toList();
        assertTrue(shown.contains("README.md") && shown.contains("steering.md"), shown.toString());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("pages")
    void everyShellBlockOfThePageWorksAsWritten(Path page) throws Exception {
        List<String> blocks = blocks(read(page));
        assertFalse(blocks.isEmpty(), "the page shows shell blocks");
        try (Hookstub stub = Hookstub.start(Hookstub.defaultConfig())) {
            for (String block : blocks) {
                String script = block.replace("127.0.0.1:8080", "127.0.0.1:" + stub.port());
                String output = run(script);
                int from = 0;
                for (String line : block.lines().toList()) {
                    String stripped = line.strip();
                    if (stripped.startsWith(SHOWN)) {
                        String expected = stripped.substring(SHOWN.length());
                        int at = output.indexOf(expected, from);
                        assertTrue(at >= 0, "the block shows \"" + expected + "\", but printed:\n" + output
                                + "\n--- block:\n" + block);
                        from = at + expected.length();
                    }
                }
            }
        }
    }

    private static List<String> blocks(String page) {
        List<String> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(page);
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }

    private static String read(Path page) {
        try {
            return Files.readString(page);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String run(String script) throws IOException, InterruptedException {
        // To a file, not a pipe: a block that prints more than a pipe holds must not stall.
        Path printed = Files.createTempFile("readme-block", ".out");
        Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true)
                .redirectOutput(printed.toFile()).start();
        boolean done = bash.waitFor(60, TimeUnit.SECONDS);
        if (!done) {
            bash.destroyForcibly().waitFor();
        }
        String output = Files.readString(printed, StandardCharsets.UTF_8);
        Files.delete(printed);
        assertTrue(done, "the block did not finish within a minute:\n" + script + "\n--- printed:\n" + output);
        assertEquals(0, bash.exitValue(), "the block failed:\n" + script + "\n--- printed:\n" + output);
        return output;
    }
}
