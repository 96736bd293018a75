package dev.hookstub.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A sequence in a row of {@code id_sequences}: each change is one statement under the row's lock, so instances
 * never hand out the same id, and a restart in a reset's transaction is seen with the reset's records.
 */
final class PostgresIdSequence implements IdSequence {

    private final Database database;
    private final String name;

    PostgresIdSequence(Database database, String name) {
        this.database = database;
        this.name = name;
        update("INSERT INTO id_sequences (name, highest) VALUES (?, 0) ON CONFLICT (name) DO NOTHING", name);
    }

    @Override
    public long next() {
        try (Connection connection = database.connection();
             PreparedStatement next = connection.prepareStatement(
                     "UPDATE id_sequences SET highest = LEAST(highest, 9223372036854775806) + 1 WHERE name = ? "
                             + "RETURNING highest")) {
            next.setString(1, name);
            try (ResultSet rows = next.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot take the next " + name + " id", e);
        }
    }

    @Override
    public void taken(long id) {
        update("UPDATE id_sequences SET highest = GREATEST(highest, ?) WHERE name = ?", id, name);
    }

    @Override
    public void restart() {
        update("UPDATE id_sequences SET highest = 0 WHERE name = ?", name);
    }

    private void update(String sql, Object... values) {
        try (Connection connection = database.connection(); PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                update.setObject(i + 1, values[i]);
            }
            update.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot update the " + name + " id sequence", e);
        }
    }
}
