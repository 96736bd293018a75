package dev.hookstub.server.delivery;

import dev.hookstub.junit.Hookstub;
import dev.hookstub.server.ServerConfig;
import dev.hookstub.server.process.ChildProcessStub;
import dev.hookstub.server.store.PostgresServer;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * A fresh database on the tests' shared PostgreSQL server, for the tests of instances that share one delivery log:
 * in-process instances start on {@link #config()}, a child process with {@link #startChild}.
 */
final class SharedLogDatabase {

    private final PostgresServer postgres = PostgresServer.shared();
    private final String url = postgres.newDatabase();

    /** An in-process instance on a free port, keeping its records and deliveries in this database. */
    ServerConfig config() {
        return Hookstub.defaultConfig().withDatabase(postgres.settings(url));
    }

    /** A stub in a child process on this database, its password in the environment as the README advises. */
    ChildProcessStub startChild(String... moreFlags) throws IOException {
        String[] flags = new String[4 + moreFlags.length];
        flags[0] = "--database";
        flags[1] = url;
        flags[2] = "--database-user";
        flags[3] = PostgresServer.USER;
        System.arraycopy(moreFlags, 0, flags, 4, moreFlags.length);
        return ChildProcessStub.startWithEnvironment(Map.of("HOOKSTUB_DATABASE_PASSWORD", PostgresServer.PASSWORD),
                flags);
    }

    /** A connection of the stub's own user, to look at what the instances wrote. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
    }
}
