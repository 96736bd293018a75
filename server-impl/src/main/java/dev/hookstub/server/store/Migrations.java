package dev.hookstub.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL schema as numbered scripts ({@code db/postgresql/V1.sql}, {@code V2.sql}, ...), each applied once
 * and recorded in {@code schema_version}. Instances that start together take turns under an advisory lock, so
 * exactly one applies a script and the others find it recorded. See docs/adr/003-shared-store.md for why this and
 * not Flyway.
 */
final class Migrations {

    /** The advisory lock every instance migrates (and seeds, see {@link PostgresWebhookStore}) under. */
    static final long LOCK = 0x686f6f6b73747562L; // "hookstub"

    private Migrations() {
    }

    static void apply(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS schema_version (
                      version    INTEGER     PRIMARY KEY,
                      applied_at TIMESTAMPTZ NOT NULL DEFAULT now())""");
            int current;
            try (ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
                rows.next();
                current = rows.getInt(1);
            }
            if (script(current + 1) == null && current > 0 && script(current) == null) {
                throw new SQLException("its schema is version " + current + ", newer than this hookstub knows");
            }
            for (int version = current + 1; script(version) != null; version++) {
                statement.execute(script(version));
                try (PreparedStatement record = connection.prepareStatement(
                        "INSERT INTO schema_version (version) VALUES (?)")) {
                    record.setInt(1, version);
                    record.executeUpdate();
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** The script that brings the schema to this version, or null when there is none (yet). */
    private static String script(int version) {
        try (InputStream in = Migrations.class.getResourceAsStream("/db/postgresql/V" + version + ".sql")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
