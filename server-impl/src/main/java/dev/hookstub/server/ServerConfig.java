package dev.hookstub.server;

import dev.hookstub.server.auth.Credentials;

/** Everything a stub server is started with; tests use port 0 for a free port. */
public record ServerConfig(String host, int port, Credentials credentials) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, Credentials.defaults());
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, credentials);
    }
}
