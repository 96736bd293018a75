package dev.hookstub.server;

import dev.hookstub.server.auth.Credentials;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "hookstub", mixinStandardHelpOptions = true, version = "hookstub 0.1.0",
        description = "Stub server for the MijnKlantportaal, Equals Money, Partoo and Mollie webhook APIs.",
        sortOptions = false)
public final class Main implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "${env:HOOKSTUB_HOST:-127.0.0.1}",
            description = "Address to bind (default: ${DEFAULT-VALUE}; env HOOKSTUB_HOST). "
                    + "Anything but loopback exposes the stub to the network.")
    private String host;

    @Option(names = "--port", defaultValue = "${env:HOOKSTUB_PORT:-8080}",
            description = "Port to listen on, 0 for any free port (default: ${DEFAULT-VALUE}; env HOOKSTUB_PORT).")
    private int port;

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler((exception, cmd, parsed) -> {
            cmd.getErr().println("hookstub: " + exception.getMessage());
            return 2;
        });
        int exit = commandLine.execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--port must be between 0 and 65535");
        }
        ServerConfig config = new ServerConfig(host, port, Credentials.defaults());
        StubServer server = StubServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "hookstub-shutdown"));
        printBanner(server, new PrintWriter(System.out, true));
        stopped.await();
        return 0;
    }

    private void printBanner(StubServer server, PrintWriter out) {
        String base = server.baseUri().toString();
        out.println("hookstub listening on " + base + (isLoopback(host) ? " (loopback only)"
                : " (bound to " + host + ": reachable from other machines)"));
        for (StubApi api : server.apis()) {
            out.printf("  %-17s %s%s   spec: %s/%s/openapi%s%n", api.id(), base, api.contextPath(), base, api.id(),
                    api.spec().file().substring(api.spec().file().lastIndexOf('.')));
        }
        out.println("Default test credentials (see README):");
        for (StubApi api : server.apis()) {
            out.println("  " + api.exampleRequest(base));
        }
    }

    private static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
    }
}
