package dev.hookstub.server;

import dev.hookstub.server.auth.Credentials;
import dev.hookstub.server.config.ConfigException;
import dev.hookstub.server.config.CredentialsFile;
import dev.hookstub.server.config.Fixtures;
import dev.hookstub.server.delivery.DeliveryOptions;
import java.io.PrintWriter;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "hookstub", mixinStandardHelpOptions = true, version = "hookstub 0.1.0",
        description = "Stub server for the MijnKlantportaal, Equals Money, Partoo and Mollie webhook APIs.",
        sortOptions = false)
public final class Main implements Callable<Integer> {

    /** Exit status for a configuration the stub cannot start with (picocli uses 2 for usage errors too). */
    static final int CONFIG_ERROR = 2;

    @Option(names = "--host", defaultValue = "${env:HOOKSTUB_HOST:-127.0.0.1}",
            description = "Address to bind (default: ${DEFAULT-VALUE}; env HOOKSTUB_HOST). "
                    + "Anything but loopback exposes the stub to the network.")
    private String host;

    @Option(names = "--port", defaultValue = "${env:HOOKSTUB_PORT:-8080}",
            description = "Port to listen on, 0 for any free port (default: ${DEFAULT-VALUE}; env HOOKSTUB_PORT).")
    private int port;

    @Option(names = "--credentials", defaultValue = "${env:HOOKSTUB_CREDENTIALS}",
            description = "JSON or YAML file of credentials replacing the defaults, per API section "
                    + "(env HOOKSTUB_CREDENTIALS). See the README for its shape.")
    private Path credentials;

    @Option(names = "--fixtures", defaultValue = "${env:HOOKSTUB_FIXTURES}",
            description = "Folder of <api>.json files (arrays of records) loaded at start instead of the specs' "
                    + "example records (env HOOKSTUB_FIXTURES).")
    private Path fixtures;

    @Option(names = "--data-dir", defaultValue = "${env:HOOKSTUB_DATA_DIR}",
            description = "Keep every record in an embedded H2 database in this folder (env HOOKSTUB_DATA_DIR); "
                    + "seeded with the fixtures on first start, kept as is on later starts. Default: in memory.")
    private Path dataDir;

    @Option(names = "--admin-token", defaultValue = "${env:HOOKSTUB_ADMIN_TOKEN}",
            description = "Bearer token of the admin API (default admin_test_key; env HOOKSTUB_ADMIN_TOKEN).")
    private String adminToken;

    @Option(names = "--delivery-retries", defaultValue = "${env:HOOKSTUB_DELIVERY_RETRIES:-5}",
            description = "Webhook deliveries that fail are retried this many times before they are marked failed "
                    + "(default: ${DEFAULT-VALUE}; env HOOKSTUB_DELIVERY_RETRIES).")
    private int deliveryRetries;

    @Option(names = "--delivery-allowed-hosts", split = ",",
            defaultValue = "${env:HOOKSTUB_DELIVERY_ALLOWED_HOSTS:-localhost,127.0.0.1,::1}",
            description = "Hosts webhook deliveries may go to, comma-separated, or * for any "
                    + "(default: loopback only; env HOOKSTUB_DELIVERY_ALLOWED_HOSTS).")
    private java.util.List<String> deliveryAllowedHosts;

    @Option(names = "--delivery-retry-delay-ms", defaultValue = "${env:HOOKSTUB_DELIVERY_RETRY_DELAY_MS:-1000}",
            description = "Wait before the first retry of a failed delivery, in milliseconds; doubled for each "
                    + "further retry, with jitter (default: ${DEFAULT-VALUE}; env HOOKSTUB_DELIVERY_RETRY_DELAY_MS).")
    private long deliveryRetryDelayMs;

    public static void main(String[] args) {
        int exit = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** Parses, starts and (for a server) blocks until shutdown; returns the exit status. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            err.println("hookstub: " + exception.getMessage() + " (see --help)");
            return CONFIG_ERROR;
        });
        commandLine.setExecutionExceptionHandler((exception, cmd, parsed) -> {
            err.println("hookstub: " + exception.getMessage());
            return CONFIG_ERROR;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws InterruptedException {
        StubServer server = StubServer.start(config());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "hookstub-shutdown"));
        printBanner(server, new PrintWriter(System.out, true));
        stopped.await();
        return 0;
    }

    ServerConfig config() {
        if (port < 0 || port > 65535) {
            throw new ConfigException("--port must be between 0 and 65535, not " + port);
        }
        Credentials creds = credentials == null ? Credentials.defaults() : CredentialsFile.read(credentials);
        if (adminToken != null) {
            if (adminToken.isBlank()) {
                throw new ConfigException("--admin-token must not be blank");
            }
            creds = new Credentials(creds.mijnklantportaal(), creds.equalsmoney(), creds.partoo(), creds.mollie(),
                    adminToken);
        }
        Fixtures loaded = fixtures == null ? Fixtures.none() : Fixtures.read(fixtures, StubServer.API_IDS);
        if (deliveryRetries < 0 || deliveryRetries > 100) {
            throw new ConfigException("--delivery-retries must be between 0 and 100, not " + deliveryRetries);
        }
        if (deliveryRetryDelayMs < 0 || deliveryRetryDelayMs > 3_600_000) {
            throw new ConfigException("--delivery-retry-delay-ms must be between 0 and 3600000, not "
                    + deliveryRetryDelayMs);
        }
        DeliveryOptions delivery = DeliveryOptions.defaults().withRetries(deliveryRetries)
                .withRetryDelay(Duration.ofMillis(deliveryRetryDelayMs))
                .withAllowedHosts(deliveryAllowedHosts.contains("*") ? java.util.Set.of()
                        : deliveryAllowedHosts.stream().map(h -> h.strip().toLowerCase(java.util.Locale.ROOT))
                                .collect(java.util.stream.Collectors.toSet()));
        return new ServerConfig(host, port, creds, loaded, dataDir, true, delivery);
    }

    private void printBanner(StubServer server, PrintWriter out) {
        String base = server.baseUri().toString();
        out.println("hookstub listening on " + base + (isLoopback(host) ? " (loopback only)"
                : " (bound to " + host + ": reachable from other machines)"));
        for (StubApi api : server.apis()) {
            String file = api.spec().file();
            out.printf("  %-17s %s%s   spec: %s/%s/openapi%s%n", api.id(), base, api.contextPath(), base, api.id(),
                    file.substring(file.lastIndexOf('.')));
        }
        out.println("  admin             " + base + "/__admin   health: " + base + "/health");
        out.println(dataDir == null ? "Records are kept in memory." : "Records are kept in " + dataDir.toAbsolutePath() + ".");
        if (credentials == null) {
            out.println("Default test credentials (see README):");
            out.println(server.apis().stream().map(api -> "  " + api.exampleRequest(base))
                    .collect(Collectors.joining(System.lineSeparator())));
        } else {
            out.println("Credentials from " + credentials + " (not printed).");
        }
    }

    private static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
    }


}
