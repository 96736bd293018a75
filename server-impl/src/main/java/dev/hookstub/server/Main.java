package dev.hookstub.server;

import dev.hookstub.server.api.StubApi;
import dev.hookstub.server.auth.Credentials;
import dev.hookstub.server.config.ConfigException;
import dev.hookstub.server.config.CredentialsFile;
import dev.hookstub.server.config.Fixtures;
import dev.hookstub.server.config.NetworkExposure;
import dev.hookstub.server.delivery.DeliveryOptions;
import dev.hookstub.server.journal.JournalOptions;
import dev.hookstub.server.proxy.ProxySettings;
import dev.hookstub.server.store.PostgresSettings;
import java.io.PrintWriter;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/** The stub server's command: reads its options, starts the server, prints how to call it, runs until stopped. */
public final class Main {

    /** Exit status for a configuration the stub cannot start with, or a command line it cannot read. */
    static final int CONFIG_ERROR = 2;

    private final String host;
    private final int port;
    private final Path credentials;
    private final Path fixtures;
    private final Path dataDir;
    private final String adminToken;
    private final int deliveryRetries;
    private final java.util.List<String> deliveryAllowedHosts;
    private final long deliveryRetryDelayMs;
    private final long deliveryTimeoutMs;
    private final int journalSize;
    private final boolean logRequests;
    /** Either retry option given: the backoff then replaces every provider's documented schedule. */
    private final boolean deliveryBackoffForAll;
    private final String database;
    private final String databaseUser;
    private final String databasePassword;

    private Main(CommandLine options) {
        host = options.value("--host");
        port = options.intValue("--port");
        credentials = path(options.value("--credentials"));
        fixtures = path(options.value("--fixtures"));
        dataDir = path(options.value("--data-dir"));
        adminToken = options.value("--admin-token");
        deliveryRetries = options.intValue("--delivery-retries");
        deliveryAllowedHosts = java.util.Arrays.asList(options.value("--delivery-allowed-hosts").split(","));
        deliveryRetryDelayMs = options.longValue("--delivery-retry-delay-ms");
        deliveryTimeoutMs = options.longValue("--delivery-timeout-ms");
        journalSize = options.intValue("--journal-size");
        logRequests = options.booleanValue("--log-requests");
        deliveryBackoffForAll = options.isSet("--delivery-retries") || options.isSet("--delivery-retry-delay-ms");
        database = options.value("--database");
        databaseUser = options.value("--database-user");
        databasePassword = options.value("--database-password");
    }

    /**
     * The stub's options as {@code options} gives them, for a command that runs the stub besides doing its own
     * (hookstub proxy): {@link #config()} reads them as serve does.
     */
    public static Main of(CommandLine options) {
        return new Main(options);
    }

    private static Path path(String value) {
        return value == null ? null : Path.of(value);
    }

    public static void main(String[] args) {
        int exit = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** Parses, starts and (for a server) blocks until shutdown; returns the exit status. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        if (CommandLine.asksFor(args, "-h", "--help")) {
            out.print(CommandLine.help());
            out.flush();
            return 0;
        }
        if (CommandLine.asksFor(args, "-V", "--version")) {
            out.println(CommandLine.VERSION);
            return 0;
        }
        Main main;
        try {
            main = new Main(CommandLine.parse(args, System::getenv));
        } catch (ConfigException | java.nio.file.InvalidPathException e) {
            err.println("hookstub: " + e.getMessage() + " (see --help)");
            return CONFIG_ERROR;
        }
        try {
            return main.serve();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (RuntimeException e) {
            err.println("hookstub: " + e.getMessage());
            return CONFIG_ERROR;
        }
    }

    private int serve() throws InterruptedException {
        return serve(config(), () -> { });
    }

    /**
     * Starts the stub on {@code config}, prints where it listens, and runs until the process is stopped; then closes
     * it and runs {@code atExit}.
     */
    public int serve(ServerConfig config, Runnable atExit) throws InterruptedException {
        StubServer server = StubServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            atExit.run();
            stopped.countDown();
        }, "hookstub-shutdown"));
        printBanner(server, new PrintWriter(System.out, true));
        stopped.await();
        return 0;
    }

    public ServerConfig config() {
        if (host.isBlank()) {
            throw new ConfigException("--host must not be empty");
        }
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
        if (deliveryTimeoutMs < 1 || deliveryTimeoutMs > 3_600_000) {
            throw new ConfigException("--delivery-timeout-ms must be between 1 and 3600000, not " + deliveryTimeoutMs);
        }
        DeliveryOptions delivery = DeliveryOptions.defaults().withTimeout(Duration.ofMillis(deliveryTimeoutMs));
        if (deliveryBackoffForAll) {
            delivery = delivery.withRetries(deliveryRetries).withRetryDelay(Duration.ofMillis(deliveryRetryDelayMs));
        }
        delivery = delivery.withAllowedHosts(deliveryAllowedHosts.contains("*") ? java.util.Set.of()
                        : deliveryAllowedHosts.stream().map(h -> h.strip().toLowerCase(java.util.Locale.ROOT))
                                .collect(java.util.stream.Collectors.toSet()));
        if (journalSize < 0 || journalSize > JournalOptions.MAX_SIZE) {
            throw new ConfigException("--journal-size must be between 0 and " + JournalOptions.MAX_SIZE + ", not "
                    + journalSize);
        }
        return new ServerConfig(host, port, creds, loaded, dataDir, true, delivery)
                .withJournal(new JournalOptions(journalSize, logRequests))
                .withDatabase(databaseSettings());
    }

    private PostgresSettings databaseSettings() {
        if (database == null) {
            return null;
        }
        PostgresSettings settings = new PostgresSettings(database, databaseUser, databasePassword);
        if (!database.startsWith(PostgresSettings.URL_PREFIX)) {
            throw new ConfigException("--database must be a " + PostgresSettings.URL_PREFIX + " URL, not '"
                    + settings.safeUrl() + "'");
        }
        if (dataDir != null) {
            throw new ConfigException("--database and --data-dir cannot be used together: choose one store");
        }
        return settings;
    }

    private void printBanner(StubServer server, PrintWriter out) {
        String base = server.baseUri().toString();
        out.println("hookstub listening on " + base + (NetworkExposure.isLoopback(host) ? " (loopback only)"
                : " (bound to " + host + ": reachable from other machines)"));
        for (StubApi api : server.apis()) {
            out.printf("  %-17s %s%s   %s%n", api.id(), base, api.contextPath(), server.upstreamOf(api.id())
                    .map(upstream -> "-> " + upstream + " (forwarded, checked against its spec)")
                    .orElse("spec: " + base + api.documentPath()));
        }
        server.upstreamOf(ProxySettings.Document.ID).ifPresent(upstream -> out.printf(
                "  %-17s %s/   -> %s (forwarded, checked against the document)%n", ProxySettings.Document.ID, base,
                upstream));
        out.println("  admin             " + base + "/__admin   health: " + base + "/health");
        if (database != null) {
            out.println("Records are kept in PostgreSQL at " + new PostgresSettings(database, null, null).safeUrl()
                    + ", shared by every instance started on it.");
        } else {
            out.println(dataDir == null ? "Records are kept in memory." : "Records are kept in " + dataDir.toAbsolutePath() + ".");
        }
        if (credentials == null) {
            out.println("Default test credentials (others, and a second tenant's: docs/stub.md, Credentials file):");
            out.println(server.apis().stream().map(api -> "  " + api.exampleRequest().curl(base + api.contextPath()))
                    .collect(Collectors.joining(System.lineSeparator())));
        } else {
            out.println("Credentials from " + credentials + " (not printed).");
        }
    }


}
