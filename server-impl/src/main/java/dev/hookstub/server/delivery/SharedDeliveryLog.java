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
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The log on a PostgreSQL database that several instances share: nothing is kept in memory, every read is the
 * database's, so a retry, a {@code gone} webhook or a reset made through one instance holds on all of them.
 * <p>
 * Each attempt is claimed first: the claimer locks the delivery's row with {@code FOR UPDATE SKIP LOCKED}, so
 * instances that reach for it at once never wait on each other and exactly one gets it, and marks it delivering
 * under a lease in its own name. Only the lease holder may record the attempt's result. An instance that dies
 * mid-attempt leaves a lease that runs out, after which any instance claims the delivery again and sends the same
 * request, the same {@code webhook-id} included: at least once, never two attempts at the same time.
 */
public final class SharedDeliveryLog implements DeliveryLog {

    /** What a lease outlasts the attempt's timeout by: recording the result takes a database round trip. */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(2);

    private final Database database;
    private final ObjectMapper mapper;
    private final Duration lease;
    /**
     * This instance's name in {@code lease_owner}: the process id first, so that an operator (or a test) can tell
     * which process holds an attempt; then enough randomness to tell apart two starts that reuse a process id.
     */
    private final String owner;

    public SharedDeliveryLog(Database database, ObjectMapper mapper, Duration attemptTimeout) {
        this.database = database;
        this.mapper = mapper;
        this.lease = attemptTimeout.plus(LEASE_MARGIN);
        this.owner = ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void insert(Delivery delivery) {
        execute("INSERT INTO deliveries (id, api, status, body, next_attempt_at) VALUES (?, ?, ?, ?, ?)",
                "store delivery " + delivery.id(), delivery.id(), delivery.api(), delivery.status().json(),
                json(delivery), millis(delivery.nextAttemptAt()));
    }

    /** Any change but an attempt's result; never one to a delivery that an instance is attempting right now. */
    @Override
    public boolean update(Delivery delivery) {
        return execute("UPDATE deliveries SET status = ?, body = ?, next_attempt_at = ?, lease_owner = NULL, "
                        + "lease_until = NULL WHERE id = ? AND status <> 'delivering'",
                "update delivery " + delivery.id(), delivery.status().json(), json(delivery),
                millis(delivery.nextAttemptAt()), delivery.id()) > 0;
    }

    @Override
    public Optional<Delivery> claim(String id, Instant dueBy) {
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try {
                Optional<Delivery> claimed = claim(connection, id, dueBy);
                connection.commit();
                return claimed;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot claim delivery " + id, e);
        }
    }

    private Optional<Delivery> claim(Connection connection, String id, Instant dueBy) throws SQLException {
        Delivery current;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT body, status, lease_until FROM deliveries WHERE id = ? FOR UPDATE SKIP LOCKED")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty(); // Gone, or another instance is claiming it this very moment.
                }
                current = read(row.getString(1));
                String status = row.getString(2);
                long leaseUntil = row.getLong(3);
                boolean due = DeliveryStatus.PENDING.json().equals(status) && !dueBy.isBefore(current.nextAttemptAt());
                boolean abandoned = DeliveryStatus.DELIVERING.json().equals(status)
                        && leaseUntil < System.currentTimeMillis();
                if (!due && !abandoned) {
                    return Optional.empty();
                }
            }
        }
        Delivery delivering = current.delivering();
        try (PreparedStatement take = connection.prepareStatement("UPDATE deliveries SET status = ?, body = ?, "
                + "lease_owner = ?, lease_until = ? WHERE id = ?")) {
            take.setString(1, delivering.status().json());
            take.setString(2, json(delivering));
            take.setString(3, owner);
            // Real time, not the stub's: a lease is about whether the holder still runs, which no clock change alters.
            take.setLong(4, System.currentTimeMillis() + lease.toMillis());
            take.setString(5, id);
            take.executeUpdate();
        }
        return Optional.of(delivering);
    }

    @Override
    public boolean complete(Delivery delivery) {
        return execute("UPDATE deliveries SET status = ?, body = ?, next_attempt_at = ?, lease_owner = NULL, "
                        + "lease_until = NULL WHERE id = ? AND lease_owner = ?",
                "record an attempt of delivery " + delivery.id(), delivery.status().json(), json(delivery),
                millis(delivery.nextAttemptAt()), delivery.id(), owner) > 0;
    }

    @Override
    public Optional<Delivery> find(String id) {
        List<Delivery> found = select("SELECT body FROM deliveries WHERE id = ?", id);
        return found.stream().findFirst();
    }

    @Override
    public List<Delivery> all() {
        return select("SELECT body FROM deliveries ORDER BY position");
    }

    @Override
    public void markGone(String api, String webhookId) {
        execute("INSERT INTO gone_webhooks (api, webhook_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                "mark " + api + " webhook " + webhookId + " gone", api, webhookId);
    }

    @Override
    public boolean isGone(String api, String webhookId) {
        try (Connection connection = database.connection(); PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM gone_webhooks WHERE api = ? AND webhook_id = ?")) {
            select.setString(1, api);
            select.setString(2, webhookId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read whether " + api + " webhook " + webhookId + " is gone", e);
        }
    }

    /** Within the admin reset's transaction, when there is one: the records and the log change together. */
    @Override
    public void clear() {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM deliveries");
            statement.executeUpdate("DELETE FROM gone_webhooks");
        } catch (SQLException e) {
            throw new StoreException("Cannot clear the delivery log", e);
        }
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public List<Waiting> waiting(Instant now, Instant dueBy) {
        List<Waiting> waiting = new ArrayList<>();
        try (Connection connection = database.connection(); PreparedStatement select = connection.prepareStatement(
                "SELECT id, status, next_attempt_at FROM deliveries WHERE status = 'pending' AND next_attempt_at <= ? "
                        + "OR status = 'delivering' AND lease_until < ?")) {
            select.setLong(1, dueBy.toEpochMilli());
            select.setLong(2, System.currentTimeMillis());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long at = rows.getLong(3);
                    boolean timed = !rows.wasNull();
                    boolean pending = DeliveryStatus.PENDING.json().equals(rows.getString(2)) && timed;
                    waiting.add(new Waiting(rows.getString(1), pending ? Instant.ofEpochMilli(at) : now));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the deliveries waiting for an attempt", e);
        }
        return waiting;
    }

    private int execute(String sql, String what, Object... values) {
        try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    statement.setNull(i + 1, Types.BIGINT);
                } else {
                    statement.setObject(i + 1, values[i]);
                }
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot " + what, e);
        }
    }

    private List<Delivery> select(String sql, String... values) {
        List<Delivery> found = new ArrayList<>();
        try (Connection connection = database.connection(); PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                select.setString(i + 1, values[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(read(rows.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read the delivery log", e);
        }
        return found;
    }

    private static Long millis(Instant at) {
        return at == null ? null : at.toEpochMilli();
    }

    private Delivery read(String body) {
        try {
            return mapper.readValue(body, Delivery.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("Cannot read a delivery of the shared log", e);
        }
    }

    private String json(Delivery delivery) {
        return DeliveryJson.write(mapper, delivery);
    }
}
