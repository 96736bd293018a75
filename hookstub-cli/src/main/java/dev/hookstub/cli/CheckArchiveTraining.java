package dev.hookstub.cli;

import dev.hookstub.conformance.cli.CheckCommand;
import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.server.ClassArchiveTraining;
import dev.hookstub.server.ServerConfig;
import dev.hookstub.server.StubServer;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * The build's training run for {@code hookstub.jsa}: what {@code serve} loads (the stub's own training run), then
 * what {@code check} loads, a short check of each preset against a stub. A JVM started with the archive maps those
 * classes instead of loading and verifying them, for {@code serve} and {@code check} alike.
 */
public final class CheckArchiveTraining {

    private CheckArchiveTraining() {
    }

    public static void main(String[] args) throws Exception {
        ClassArchiveTraining.main(args);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (StubServer stub = StubServer.start(ServerConfig.defaults().withPort(0))) {
            for (Preset api : Preset.values()) {
                int status = new CheckCommand(quiet, System.err).run("--spec", api.id(), "--base-url",
                        api.stubServerUrl(stub.baseUri().toString()), "--cases", "2", "--seed", "1");
                if (status != CheckCommand.PASSED) {
                    throw new IllegalStateException("hookstub check --spec " + api.id() + " exited " + status);
                }
            }
        }
        System.out.println("hookstub: check training run done");
    }
}
