package dev.hookstub.server;

import dev.hookstub.server.auth.Credentials;
import dev.hookstub.server.config.Fixtures;

/** Everything a stub server is started with; tests use port 0 for a free port. */
public record ServerConfig(String host, int port, Credentials credentials, Fixtures fixtures) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, Credentials.defaults(), Fixtures.none());
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, credentials, fixtures);
    }

    public ServerConfig withCredentials(Credentials newCredentials) {
        return new ServerConfig(host, port, newCredentials, fixtures);
    }

    public ServerConfig withFixtures(Fixtures newFixtures) {
        return new ServerConfig(host, port, credentials, newFixtures);
    }
}
