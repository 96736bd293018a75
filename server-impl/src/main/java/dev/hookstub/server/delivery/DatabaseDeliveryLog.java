package dev.hookstub.server.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.store.Database;
import dev.hookstub.server.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The log with {@code --data-dir}: every change is committed to the {@code deliveries} table before it counts, so
 * a delivery accepted with 202 is still there after a restart (or a crash) and its attempts resume. Reads come from
 * a copy in memory, like the records', for only one process opens an H2 file. A shared PostgreSQL database has
 * the {@link SharedDeliveryLog} instead.
 */
public final class DatabaseDeliveryLog implements DeliveryLog {

    private final Database database;
    private final ObjectMapper mapper;
    private final InMemoryDeliveryLog cache = new InMemoryDeliveryLog();

    public DatabaseDeliveryLog(Database database, ObjectMapper mapper) {
        this.database = database;
        this.mapper = mapper;
        load();
    }

    @Override
    public void insert(Delivery delivery) {
        write("INSERT INTO deliveries (id, api, status, body) VALUES (?, ?, ?, ?)", "store delivery " + delivery.id(),
                delivery.id(), delivery.api(), delivery.status().json(), json(delivery));
        cache.insert(delivery);
    }

    @Override
    public boolean update(Delivery delivery) {
        if (cache.find(delivery.id()).isEmpty()) {
            return false;
        }
        int changed = write("UPDATE deliveries SET status = ?, body = ? WHERE id = ?",
                "update delivery " + delivery.id(), delivery.status().json(), json(delivery), delivery.id());
        return changed > 0 && cache.update(delivery);
    }

    @Override
    public Optional<Delivery> find(String id) {
        return cache.find(id);
    }

    @Override
    public List<Delivery> all() {
        return cache.all();
    }

    @Override
    public void markGone(String api, String webhookId) {
        // The copy in memory knows every row (one instance writes the log), so a plain INSERT, which H2 and
        // PostgreSQL both take, replaces H2's MERGE.
        if (!isGone(api, webhookId)) {
            write("INSERT INTO gone_webhooks (api, webhook_id) VALUES (?, ?)",
                    "mark " + api + " webhook " + webhookId + " gone", api, webhookId);
        }
        cache.markGone(api, webhookId);
    }

    @Override
    public boolean isGone(String api, String webhookId) {
        return cache.isGone(api, webhookId);
    }

    @Override
    public void clear() {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.executeUpdate("DELETE FROM deliveries");
            statement.executeUpdate("DELETE FROM gone_webhooks");
            connection.commit();
        } catch (SQLException e) {
            throw new StoreException("Cannot clear the delivery log", e);
        }
        cache.clear();
    }

    private int write(String sql, String what, String... values) {
        try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot " + what, e);
        }
    }

    private void load() {
        List<Delivery> deliveries = new ArrayList<>();
        List<String[]> gone = new ArrayList<>();
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT body FROM deliveries")) {
                while (rows.next()) {
                    deliveries.add(mapper.readValue(rows.getString(1), Delivery.class));
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT api, webhook_id FROM gone_webhooks")) {
                while (rows.next()) {
                    gone.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("Cannot load the delivery log from " + database.name(), e);
        }
        cache.load(deliveries, gone);
    }

    private String json(Delivery delivery) {
        return DeliveryJson.write(mapper, delivery);
    }
}
