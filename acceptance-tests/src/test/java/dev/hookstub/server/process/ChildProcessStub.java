package dev.hookstub.server.process;

import dev.hookstub.junit.Hookstub;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The stub as a user runs it: {@code Main} in a child JVM, its output captured, stoppable with SIGTERM or SIGKILL. */
public final class ChildProcessStub implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("hookstub listening on (http://\\S+)");

    private final Process process;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<URI> baseUri = new CompletableFuture<>();

    private ChildProcessStub(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readOutput, "child-stub-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static ChildProcessStub start(String... args) throws IOException {
        return startWithEnvironment(java.util.Map.of(), args);
    }

    /** With these environment variables added, for options that are best not given on the command line. */
    public static ChildProcessStub startWithEnvironment(java.util.Map<String, String> environment, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "dev.hookstub.server.Main", "--port", "0"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new ChildProcessStub(process);
    }

    /** Once it has started, the stub as the test kit reaches one that runs elsewhere (the default admin token). */
    public Hookstub awaitHookstub() throws Exception {
        return Hookstub.at(awaitStarted().toString(), "admin_test_key");
    }

    public URI awaitStarted() throws Exception {
        try {
            return baseUri.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("stub did not start; output:\n" + String.join("\n", output), e);
        }
    }

    /** The process id, as the stub names itself in a shared delivery log's leases. */
    public long pid() {
        return process.pid();
    }

    /** SIGTERM, the way a service manager or Ctrl-C stops it. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL: no shutdown hook, no flush, nothing. */
    public void kill() {
        process.destroyForcibly();
    }

    public boolean awaitExit(long millis) throws InterruptedException {
        return process.waitFor(millis, TimeUnit.MILLISECONDS);
    }

    public List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.add(line);
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                    baseUri.complete(URI.create(matcher.group(1)));
                }
            }
        } catch (IOException e) {
            // The process is gone; what it printed is in output.
        } finally {
            baseUri.completeExceptionally(new IllegalStateException("process ended"));
        }
    }
}
