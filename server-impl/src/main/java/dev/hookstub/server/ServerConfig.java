package dev.hookstub.server;

import dev.hookstub.server.auth.Credentials;
import dev.hookstub.server.config.Fixtures;
import dev.hookstub.server.delivery.DeliveryOptions;
import dev.hookstub.server.journal.JournalOptions;
import dev.hookstub.server.proxy.ProxySettings;
import dev.hookstub.server.store.PostgresSettings;
import java.nio.file.Path;

/** Everything a stub server is started with; tests use port 0 for a free port. */
public record ServerConfig(String host, int port, Credentials credentials, Fixtures fixtures, Path dataDir,
                           boolean fastPath, DeliveryOptions delivery, JournalOptions journal,
                           PostgresSettings database, Path specs, ProxySettings proxy) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public ServerConfig(String host, int port, Credentials credentials, Fixtures fixtures, Path dataDir,
                        boolean fastPath) {
        this(host, port, credentials, fixtures, dataDir, fastPath, DeliveryOptions.defaults());
    }

    public ServerConfig(String host, int port, Credentials credentials, Fixtures fixtures, Path dataDir,
                        boolean fastPath, DeliveryOptions delivery) {
        this(host, port, credentials, fixtures, dataDir, fastPath, delivery, JournalOptions.defaults(), null, null,
                null);
    }

    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, Credentials.defaults(), Fixtures.none(), null, true);
    }

    /** The address to bind; beyond loopback the admin token must not be the default one. */
    public ServerConfig withHost(String newHost) {
        return new ServerConfig(newHost, port, credentials, fixtures, dataDir, fastPath, delivery, journal,
                database, specs, proxy);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, credentials, fixtures, dataDir, fastPath, delivery, journal,
                database, specs, proxy);
    }

    public ServerConfig withCredentials(Credentials newCredentials) {
        return new ServerConfig(host, port, newCredentials, fixtures, dataDir, fastPath, delivery, journal,
                database, specs, proxy);
    }

    public ServerConfig withFixtures(Fixtures newFixtures) {
        return new ServerConfig(host, port, credentials, newFixtures, dataDir, fastPath, delivery, journal,
                database, specs, proxy);
    }

    /** Keeps every record in an embedded database in this folder; null keeps them in memory. */
    public ServerConfig withDataDir(Path newDataDir) {
        return new ServerConfig(host, port, credentials, fixtures, newDataDir, fastPath, delivery, journal,
                database, specs, proxy);
    }

    /** Puts each API's fast path in front of its Jersey application (the default); off, Jersey carries every request. */
    public ServerConfig withFastPath(boolean enabled) {
        return new ServerConfig(host, port, credentials, fixtures, dataDir, enabled, delivery, journal, database,
                specs, proxy);
    }

    /** How webhook deliveries are retried and timed out; tests use short delays. */
    public ServerConfig withDelivery(DeliveryOptions newDelivery) {
        return new ServerConfig(host, port, credentials, fixtures, dataDir, fastPath, newDelivery, journal,
                database, specs, proxy);
    }

    /** How many requests the journal keeps per API, and whether each request is logged. */
    public ServerConfig withJournal(JournalOptions newJournal) {
        return new ServerConfig(host, port, credentials, fixtures, dataDir, fastPath, delivery, newJournal,
                database, specs, proxy);
    }

    /**
     * Reads the APIs' specs from this folder where it has a file of the same name (mollie.json, partoo.yaml, ...),
     * instead of the built-in ones; null for the built-in ones alone.
     */
    public ServerConfig withSpecs(Path newSpecs) {
        return new ServerConfig(host, port, credentials, fixtures, dataDir, fastPath, delivery, journal, database,
                newSpecs, proxy);
    }

    /** Keeps every record in a PostgreSQL database that other instances may share; null for none. */
    public ServerConfig withDatabase(PostgresSettings newDatabase) {
        return new ServerConfig(host, port, credentials, fixtures, dataDir, fastPath, delivery, journal,
                newDatabase, specs, proxy);
    }

    /**
     * Forwards the APIs (or the document) the settings name to their upstreams instead of answering them, judging
     * what passes against the spec (docs/sandbox.md); null stubs every API.
     */
    public ServerConfig withProxy(ProxySettings newProxy) {
        return new ServerConfig(host, port, credentials, fixtures, dataDir, fastPath, delivery, journal, database,
                specs, newProxy);
    }
}
