package dev.hookstub.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hookstub.server.config.ConfigException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A small pool of connections to the shared PostgreSQL database. Its timeouts bound every wait: a database that is
 * down costs a request about two seconds and a 503, never a hang, and the pool reconnects by itself once it is back.
 */
final class PostgresPool {

    /**
     * HikariCP logs a failed start with a stack trace, and each outage with several; the stub reports both itself,
     * in one line at start and as 503s after. Held in a field so that the logger, and its level, stay.
     */
    private static final Logger HIKARI = Logger.getLogger("com.zaxxer.hikari");

    static {
        HIKARI.setLevel(Level.OFF);
    }

    static final int MAX_CONNECTIONS = 10;
    static final long CONNECTION_TIMEOUT_MS = 2_000;

    private PostgresPool() {
    }

    static Database open(PostgresSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("hookstub");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(MAX_CONNECTIONS);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        config.setValidationTimeout(1_000);
        // Seconds, for the driver: reaching the server, logging in (a password check costs CPU on a busy server),
        // and any one answer once connected.
        config.addDataSourceProperty("connectTimeout", "3");
        config.addDataSourceProperty("loginTimeout", "5");
        config.addDataSourceProperty("socketTimeout", "10");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("ApplicationName", "hookstub");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new ConfigException(settings.safeUrl() + ": cannot connect to the database (" + cause(e) + ")");
        }
        Database database = new Database(pool, Database.Kind.POSTGRESQL, settings.safeUrl(), pool);
        try (Connection connection = pool.getConnection()) {
            Migrations.apply(connection);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw new ConfigException(settings.safeUrl() + ": cannot prepare the database (" + cause(e) + ")");
        }
        return database;
    }

    /** The first line of the innermost message: the driver's own words ("password authentication failed ..."). */
    private static String cause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return Database.firstLine(cause.getMessage() == null ? cause.toString() : cause.getMessage());
    }
}
