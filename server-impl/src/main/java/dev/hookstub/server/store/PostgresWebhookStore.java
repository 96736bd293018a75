package dev.hookstub.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * One API's records in the shared PostgreSQL database, read from it on every request and kept nowhere else, so
 * that no instance can answer from a copy another instance has changed (docs/adr/003-shared-store.md). Each read
 * returns new record instances, which is also what keeps the fast path's serialised bodies from being stale.
 */
public final class PostgresWebhookStore<R extends StoredRecord> implements WebhookStore<R> {

    private final Database database;
    private final String api;
    private final RecordCodec<R> codec;

    public PostgresWebhookStore(Database database, String api, RecordCodec<R> codec) {
        this.database = database;
        this.api = api;
        this.codec = codec;
    }

    @Override
    public boolean insert(R record) {
        if (record.id().indexOf('\0') >= 0) {
            throw new IllegalArgumentException("PostgreSQL cannot store an id with a NUL character");
        }
        return update("INSERT INTO webhook_records (api, id, body) VALUES (?, ?, ?) ON CONFLICT (api, id) DO NOTHING",
                "store " + api + " record " + record.id(), api, record.id(), json(record)) > 0;
    }

    @Override
    public Optional<R> find(String id) {
        if (id.indexOf('\0') >= 0) {
            return Optional.empty(); // PostgreSQL text cannot hold it, so no record has it; the query would fail.
        }
        List<R> found = query("SELECT body FROM webhook_records WHERE api = ? AND id = ?", "read " + api + " record",
                api, id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public boolean replace(R record) {
        return update("UPDATE webhook_records SET body = ? WHERE api = ? AND id = ?",
                "update " + api + " record " + record.id(), json(record), api, record.id()) > 0;
    }

    @Override
    public List<R> all() {
        List<R> all = query("SELECT body FROM webhook_records WHERE api = ?", "read the " + api + " records", api);
        // In Java's order, as the in-memory store sorts them: the database's collation may differ.
        all.sort(Comparator.comparing(StoredRecord::id));
        return all;
    }

    @Override
    public boolean delete(String id) {
        if (id.indexOf('\0') >= 0) {
            return false;
        }
        return update("DELETE FROM webhook_records WHERE api = ? AND id = ?", "delete " + api + " record " + id,
                api, id) > 0;
    }

    @Override
    public void replaceAll(List<R> records) {
        database.inTransaction(() -> {
            update("DELETE FROM webhook_records WHERE api = ?", "clear the " + api + " records", api);
            try (Connection connection = database.connection();
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO webhook_records (api, id, body) VALUES (?, ?, ?)")) {
                for (R record : records) {
                    insert.setString(1, api);
                    insert.setString(2, record.id());
                    insert.setString(3, json(record));
                    insert.addBatch();
                }
                insert.executeBatch();
            } catch (SQLException e) {
                throw new StoreException("Cannot replace the " + api + " records", e);
            }
            markSeeded();
        });
    }

    @Override
    public int size() {
        try (Connection connection = database.connection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM webhook_records WHERE api = ?")) {
            count.setString(1, api);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot count the " + api + " records", e);
        }
    }

    @Override
    public boolean needsSeeding() {
        try (Connection connection = database.connection();
             PreparedStatement seeded = connection.prepareStatement("SELECT 1 FROM seeded_apis WHERE api = ?")) {
            seeded.setString(1, api);
            try (ResultSet rows = seeded.executeQuery()) {
                return !rows.next();
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read whether " + api + " was seeded", e);
        }
    }

    /** Under the instances' advisory lock, in one transaction: the first instance seeds, the others find it done. */
    @Override
    public void seedOnce(Runnable seeding) {
        database.inTransaction(() -> {
            try (Connection connection = database.connection(); Statement lock = connection.createStatement()) {
                lock.execute("SELECT pg_advisory_xact_lock(" + Migrations.LOCK + ")");
            } catch (SQLException e) {
                throw new StoreException("Cannot lock the database to seed " + api, e);
            }
            if (needsSeeding()) {
                seeding.run();
                markSeeded();
            }
        });
    }

    @Override
    public void inTransaction(Runnable work) {
        database.inTransaction(work);
    }

    @Override
    public IdSequence idSequence(ToLongFunction<R> idOf) {
        return new PostgresIdSequence(database, api);
    }

    private void markSeeded() {
        update("INSERT INTO seeded_apis (api) VALUES (?) ON CONFLICT (api) DO NOTHING", "mark " + api + " seeded", api);
    }

    private int update(String sql, String what, String... values) {
        try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot " + what, e);
        }
    }

    private List<R> query(String sql, String what, String... values) {
        List<R> records = new ArrayList<>();
        try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    records.add(codec.read(rows.getString(1)));
                }
            }
        } catch (SQLException | RuntimeException e) {
            throw new StoreException("Cannot " + what, e);
        }
        return records;
    }

    private String json(R record) {
        return codec.write(record);
    }
}
