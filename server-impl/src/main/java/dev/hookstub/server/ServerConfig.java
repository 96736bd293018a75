package dev.hookstub.server;

import dev.hookstub.server.auth.Credentials;
import dev.hookstub.server.config.Fixtures;
import dev.hookstub.server.delivery.DeliveryOptions;
import java.nio.file.Path;

/** Everything a stub server is started with; tests use port 0 for a free port. */
public record ServerConfig(String host, int port, Credentials credentials, Fixtures fixtures, Path dataDir,
                           boolean replay, DeliveryOptions delivery) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public ServerConfig(String host, int port, Credentials credentials, Fixtures fixtures, Path dataDir,
                        boolean replay) {
        this(host, port, credentials, fixtures, dataDir, replay, DeliveryOptions.defaults());
    }

    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, Credentials.defaults(), Fixtures.none(), null, true);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, credentials, fixtures, dataDir, replay, delivery);
    }

    public ServerConfig withCredentials(Credentials newCredentials) {
        return new ServerConfig(host, port, newCredentials, fixtures, dataDir, replay, delivery);
    }

    public ServerConfig withFixtures(Fixtures newFixtures) {
        return new ServerConfig(host, port, credentials, newFixtures, dataDir, replay, delivery);
    }

    /** Keeps every record in an embedded database in this folder; null keeps them in memory. */
    public ServerConfig withDataDir(Path newDataDir) {
        return new ServerConfig(host, port, credentials, fixtures, newDataDir, replay, delivery);
    }

    /**
     * Replays a GET's answer to the same request until the API's data changes (the default); off, Jersey answers
     * every request. A switch for tests that hold both to the specs, not an option of the command line.
     */
    public ServerConfig withReplay(boolean enabled) {
        return new ServerConfig(host, port, credentials, fixtures, dataDir, enabled, delivery);
    }

    /** How webhook deliveries are retried and timed out; tests use short delays. */
    public ServerConfig withDelivery(DeliveryOptions newDelivery) {
        return new ServerConfig(host, port, credentials, fixtures, dataDir, replay, newDelivery);
    }
}
