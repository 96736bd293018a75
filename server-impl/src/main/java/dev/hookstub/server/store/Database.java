package dev.hookstub.server.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.hookstub.server.config.ConfigException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The database the records live in: the embedded H2 one in the {@code --data-dir} folder, or a PostgreSQL one that
 * any number of instances share ({@code --database}). Every write is committed before the stub answers. With H2,
 * each commit is written to its file at once ({@code WRITE_DELAY=0}), so an acknowledged record survives the
 * process being killed; the stub, not H2's own shutdown hook, closes it, after the last request has finished.
 */
public final class Database implements AutoCloseable {

    /** Which engine, as {@code /health} and the banner name it. */
    public enum Kind {
        H2("h2"), POSTGRESQL("postgresql");

        private final String json;

        Kind(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    private static final int MAX_CONNECTIONS = 8;

    private final DataSource source;
    private final Kind kind;
    private final String name;
    private final AutoCloseable closer;
    /** The connection of the transaction this thread runs in ({@link #inTransaction}), if any. */
    private final ThreadLocal<Connection> transaction = new ThreadLocal<>();
    private SharedResets resets;

    Database(DataSource source, Kind kind, String name, AutoCloseable closer) {
        this.source = source;
        this.kind = kind;
        this.name = name;
        this.closer = closer;
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
        Database database = new Database(pool, Kind.H2, folder.toString(), () -> {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException e) {
                // Already closed, or closing anyway: nothing is lost, every write was committed when it was answered.
            } finally {
                pool.dispose();
            }
        });
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

    /** The shared PostgreSQL database, its schema migrated; a one-line {@link ConfigException} when it cannot be. */
    public static Database connect(PostgresSettings settings) {
        return PostgresPool.open(settings);
    }

    /**
     * A connection, auto-commit on; for the stores here and the delivery log. Inside {@link #inTransaction} it is
     * that transaction's, and closing it or committing on it is left to the transaction.
     */
    public Connection connection() throws SQLException {
        Connection bound = transaction.get();
        return bound != null ? joined(bound) : source.getConnection();
    }

    /**
     * Runs the work in one transaction on PostgreSQL, so that what it changes is seen by every instance all at once
     * or not at all. On H2 each write still commits alone: its stores keep a copy in memory that a rollback would
     * not undo, and only one process ever opens it.
     */
    public void inTransaction(Runnable work) {
        if (kind != Kind.POSTGRESQL || transaction.get() != null) {
            work.run();
            return;
        }
        try (Connection connection = source.getConnection()) {
            connection.setAutoCommit(false);
            transaction.set(connection);
            try {
                work.run();
                connection.commit();
            } catch (RuntimeException | SQLException e) {
                rollback(connection);
                throw e;
            } finally {
                transaction.remove();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot commit a change to " + name, e);
        }
    }

    /**
     * Closes a connection of {@link #connection()} for good instead of handing it back: its session keeps state
     * (a LISTEN), or broke where the pool could not see it (through the driver's own API), and the pool would give
     * it to the next caller unchecked.
     */
    void discard(Connection connection) throws SQLException {
        if (source instanceof HikariDataSource pool) {
            pool.evictConnection(connection);
        } else {
            connection.close();
        }
    }

    /** True when the database answers within a couple of seconds. */
    public boolean answers() {
        try (Connection connection = source.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    public Kind kind() {
        return kind;
    }

    /** The data folder, or the PostgreSQL URL without its query: safe to print. */
    public String name() {
        return name;
    }

    /** How instances on this database tell each other of a reset; see {@link SharedResets#of}. */
    synchronized SharedResets resets() {
        if (resets == null) {
            resets = SharedResets.create(this);
        }
        return resets;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (resets != null) {
                resets.close();
            }
        }
        try {
            closer.close();
        } catch (Exception e) {
            // Closing anyway: every write was committed when it was answered.
        }
    }

    static String firstLine(String message) {
        return message == null ? "unknown error" : message.lines().findFirst().orElse(message);
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The connection is broken; the server drops the transaction with it.
        }
    }

    /** The transaction's connection as the code inside it sees it: the transaction, not that code, ends it. */
    private static Connection joined(Connection bound) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "close", "commit", "rollback", "setAutoCommit" -> null;
                    case "isClosed" -> false;
                    default -> {
                        try {
                            yield method.invoke(bound, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                });
    }
}
