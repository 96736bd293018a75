package dev.hookstub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/sandbox.md works as written: its shell blocks, in order, are one session of bash (the page says to run them
 * in one shell), run with the packaged jar from a folder laid out as the repository's root, its ports moved to free
 * ones. It passes when every command succeeds ({@code set -e}, {@code pipefail}) and every line the page shows as
 * {@code # → output} appears in what the session printed, in that order. Whatever it left running is stopped.
 */
class SandboxPageIT {

    private static final Path PAGE = Path.of("..", "docs", "sandbox.md");
    private static final Path JAR = Path.of(System.getProperty("hookstub.jar", "target/hookstub.jar"));
    private static final Pattern BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
    private static final String SHOWN = "# → ";
    private static final List<String> PORTS = List.of("8080", "8081", "8082", "9090");

    @Test
    void everyCommandOfThePageWorksAsWritten(@TempDir Path root) throws Exception {
        String page = Files.readString(PAGE);
        for (String port : PORTS) {
            int free = freePort();
            page = page.replace("127.0.0.1:" + port, "127.0.0.1:" + free).replace("--port " + port, "--port " + free);
        }
        List<String> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(page);
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        assertTrue(blocks.size() >= 8, "the page shows its commands in bash blocks: " + blocks.size());
        Files.createDirectories(root.resolve("hookstub-cli/target"));
        Path link = Files.createSymbolicLink(root.resolve("hookstub-cli/target/hookstub.jar"), JAR.toAbsolutePath());
        String session = String.join("\n", blocks);
        String output;
        try {
            output = run(root, session);
        } finally {
            // Gone before JUnit cleans the folder up, which warns about a link that leads out of it.
            Files.delete(link);
        }
        int from = 0;
        for (String line : session.lines().toList()) {
            String stripped = line.strip();
            if (stripped.startsWith(SHOWN)) {
                String expected = stripped.substring(SHOWN.length());
                int at = output.indexOf(expected, from);
                assertTrue(at >= 0, "the page shows \"" + expected + "\", but the session printed:\n" + output);
                from = at + expected.length();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String run(Path root, String session) throws IOException, InterruptedException {
        // To a file, not a pipe: a session that prints more than a pipe holds must not stall.
        Path printed = Files.createTempFile("sandbox-page", ".out");
        String script = "trap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n" + session;
        Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(printed.toFile()).start();
        boolean done = bash.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            bash.descendants().forEach(ProcessHandle::destroyForcibly);
            bash.destroyForcibly().waitFor();
        }
        String output = Files.readString(printed, StandardCharsets.UTF_8);
        Files.delete(printed);
        assertTrue(done, "the session did not finish within 5 minutes:\n" + output);
        assertEquals(0, bash.exitValue(), "the session failed:\n" + output);
        return output;
    }
}
