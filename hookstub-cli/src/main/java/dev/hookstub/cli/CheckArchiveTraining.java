package dev.hookstub.cli;

import dev.hookstub.conformance.cli.CheckCommand;
import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.server.ClassArchiveTraining;
import dev.hookstub.server.ServerConfig;
import dev.hookstub.server.StubServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The build's training run for {@code hookstub.jsa}: what {@code serve} loads (the stub's own training run), then
 * what {@code check} loads, a short check of each preset against a stub. A JVM started with the archive maps those
 * classes instead of loading and verifying them, for {@code serve} and {@code check} alike.
 * <p>
 * Given a log file, everything the run writes goes there, and a failure is said on the console in one line, the
 * reason first: the stub could not start (a spec change that needs a person, named), or it answered wrong. The build
 * then fails as a test would; the log has the rest.
 */
public final class CheckArchiveTraining {

    private CheckArchiveTraining() {
    }

    /** @param args the log file, if any */
    public static void main(String[] args) throws Exception {
        PrintStream console = System.err;
        Path log = args.length > 0 ? Path.of(args[0]) : null;
        if (log != null) {
            // Before anything logs: java.util.logging's console handler takes System.err as it is when first made.
            PrintStream file = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8);
            System.setOut(file);
            System.setErr(file);
        }
        try {
            ClassArchiveTraining.main(new String[0]);
            checkEachPreset();
        } catch (Exception | Error e) {
            e.printStackTrace();
            console.println("hookstub: the class-data archive's training run failed, so the packaged stub does not "
                    + "work: " + reason(e) + (log == null ? "" : " (the run's log: " + log + ")"));
            System.exit(1);
        }
        System.out.println("hookstub: check training run done");
    }

    private static void checkEachPreset() throws IOException {
        try (StubServer stub = StubServer.start(ServerConfig.defaults().withPort(0))) {
            for (Preset api : Preset.values()) {
                ByteArrayOutputStream report = new ByteArrayOutputStream();
                int status = new CheckCommand(new PrintStream(report, true, StandardCharsets.UTF_8), System.err)
                        .run("--spec", api.id(), "--base-url", api.stubServerUrl(stub.baseUri().toString()),
                                "--cases", "2", "--seed", "1");
                if (status != CheckCommand.PASSED) {
                    String failed = report.toString(StandardCharsets.UTF_8).lines()
                            .filter(line -> line.startsWith("  FAIL ")).findFirst().map(String::strip)
                            .orElse("exit status " + status);
                    throw new IllegalStateException("hookstub check --spec " + api.id() + " against the stub: "
                            + failed);
                }
            }
        }
    }

    /** The first line of the failure's own message, else its kind. */
    private static String reason(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.toString() : message.lines().findFirst().orElse(message);
    }
}
