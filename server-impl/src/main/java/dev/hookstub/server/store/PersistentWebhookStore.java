package dev.hookstub.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One API's records in the database, written through before a change is acknowledged, and read from a copy in
 * memory so that reads cost what they cost without persistence. Records are stored as their codec writes them (JSON).
 */
public final class PersistentWebhookStore<R extends StoredRecord> implements WebhookStore<R> {

    private final Database database;
    private final String api;
    private final RecordCodec<R> codec;
    private final InMemoryWebhookStore<R> cache = new InMemoryWebhookStore<>();
    private volatile boolean seeded;

    public PersistentWebhookStore(Database database, String api, RecordCodec<R> codec) {
        this.database = database;
        this.api = api;
        this.codec = codec;
        load();
    }

    @Override
    public boolean insert(R record) {
        if (!cache.insert(record)) {
            return false;
        }
        try (Connection connection = database.connection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO webhook_records (api, id, body) VALUES (?, ?, ?)")) {
            insert.setString(1, api);
            insert.setString(2, record.id());
            insert.setString(3, json(record));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            cache.delete(record.id());
            throw new StoreException("Cannot store " + api + " record " + record.id(), e);
        }
    }

    @Override
    public boolean replace(R record) {
        try (Connection connection = database.connection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE webhook_records SET body = ? WHERE api = ? AND id = ?")) {
            update.setString(1, json(record));
            update.setString(2, api);
            update.setString(3, record.id());
            if (update.executeUpdate() == 0) {
                return false;
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot update " + api + " record " + record.id(), e);
        }
        return cache.replace(record);
    }

    @Override
    public Optional<R> find(String id) {
        return cache.find(id);
    }

    @Override
    public List<R> all() {
        return cache.all();
    }

    @Override
    public boolean delete(String id) {
        try (Connection connection = database.connection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM webhook_records WHERE api = ? AND id = ?")) {
            delete.setString(1, api);
            delete.setString(2, id);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot delete " + api + " record " + id, e);
        }
        return cache.delete(id);
    }

    @Override
    public void replaceAll(List<R> records) {
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement clear = connection.prepareStatement("DELETE FROM webhook_records WHERE api = ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO webhook_records (api, id, body) VALUES (?, ?, ?)");
                 PreparedStatement seed = connection.prepareStatement(
                         "MERGE INTO seeded_apis (api) KEY (api) VALUES (?)")) {
                clear.setString(1, api);
                clear.executeUpdate();
                for (R record : records) {
                    insert.setString(1, api);
                    insert.setString(2, record.id());
                    insert.setString(3, json(record));
                    insert.addBatch();
                }
                insert.executeBatch();
                seed.setString(1, api);
                seed.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot replace the " + api + " records", e);
        }
        cache.replaceAll(records);
        seeded = true;
    }

    @Override
    public int size() {
        return cache.size();
    }

    /** True until this API's records were first written, so that later starts keep what is there. */
    @Override
    public boolean needsSeeding() {
        return !seeded;
    }

    private void load() {
        List<R> records = new ArrayList<>();
        try (Connection connection = database.connection();
             PreparedStatement select = connection.prepareStatement("SELECT body FROM webhook_records WHERE api = ?");
             PreparedStatement seededQuery = connection.prepareStatement("SELECT 1 FROM seeded_apis WHERE api = ?")) {
            select.setString(1, api);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    records.add(codec.read(rows.getString(1)));
                }
            }
            seededQuery.setString(1, api);
            try (ResultSet rows = seededQuery.executeQuery()) {
                seeded = rows.next();
            }
        } catch (SQLException | RuntimeException e) {
            throw new StoreException("Cannot load the " + api + " records from " + database.name(), e);
        }
        cache.replaceAll(records);
    }

    private String json(R record) {
        return codec.write(record);
    }
}
