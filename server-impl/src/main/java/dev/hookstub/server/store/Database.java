package dev.hookstub.server.store;

import dev.hookstub.server.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The embedded H2 database in the {@code --data-dir} folder. Every write is committed before the stub answers,
 * and H2 writes each commit to its file at once ({@code WRITE_DELAY=0}), so an acknowledged record survives the
 * process being killed. The stub, not H2's own shutdown hook, closes it, after the last request has finished.
 */
public final class Database implements AutoCloseable {

    private static final int MAX_CONNECTIONS = 8;

    private final JdbcConnectionPool pool;
    private final Path folder;

    private Database(JdbcConnectionPool pool, Path folder) {
        this.pool = pool;
        this.folder = folder;
    }

    public static Database open(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new ConfigException(folder + ": cannot create the data folder (" + e.getMessage() + ")");
        }
        String url = "jdbc:h2:file:" + folder.toAbsolutePath().resolve("hookstub")
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "hookstub", "");
        pool.setMaxConnections(MAX_CONNECTIONS);
        Database database = new Database(pool, folder);
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS webhook_records (
                      api  VARCHAR(32)  NOT NULL,
                      id   VARCHAR(1024) NOT NULL,
                      body CHARACTER LARGE OBJECT NOT NULL,
                      PRIMARY KEY (api, id))""");
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS seeded_apis (
                      api VARCHAR(32) PRIMARY KEY)""");
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS deliveries (
                      id     VARCHAR(64) PRIMARY KEY,
                      api    VARCHAR(32) NOT NULL,
                      status VARCHAR(16) NOT NULL,
                      body   CHARACTER LARGE OBJECT NOT NULL)""");
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS gone_webhooks (
                      api        VARCHAR(32)   NOT NULL,
                      webhook_id VARCHAR(1024) NOT NULL,
                      PRIMARY KEY (api, webhook_id))""");
        } catch (SQLException e) {
            pool.dispose();
            throw new ConfigException(folder + ": cannot open the database (" + firstLine(e.getMessage()) + ")");
        }
        return database;
    }

    /** A pooled connection, auto-commit on; for the stores here and the delivery log. */
    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    public Path folder() {
        return folder;
    }

    @Override
    public void close() {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            // Already closed, or closing anyway: nothing is lost, every write was committed when it was answered.
        } finally {
            pool.dispose();
        }
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.lines().findFirst().orElse(message);
    }
}
