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
 * The README's "Steering the stub from a test" is a sequence of shell blocks that must work as written: each is run
 * by bash, in order, against one fresh stub, with only the port changed. A block passes when every command in it
 * succeeds ({@code set -e}; the examples use {@code curl --fail-with-body} where they expect success) and every line
 * the block shows as {@code # → output} appears in what it printed, in that order.
 */
class ReadmeCurlExamplesTest {

    private static final Path README = Path.of("..", "README.md");
    private static final String SECTION = "## Steering the stub from a test";
    private static final Pattern BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);
    private static final String SHOWN = "# → ";

    @Test
    void everyShellBlockOfTheSteeringSectionWorksAsWritten() throws Exception {
        List<String> blocks = blocks(Files.readString(README));
        assertFalse(blocks.isEmpty(), "the section shows shell blocks");
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

    private static List<String> blocks(String readme) {
        int start = readme.indexOf(SECTION);
        assertTrue(start >= 0, "the README has the section " + SECTION);
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        List<String> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(section);
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
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
