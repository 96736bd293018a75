package dev.hookstub.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells every instance on a shared PostgreSQL database that one of them was reset, with {@code LISTEN}/{@code NOTIFY}:
 * the records and the delivery log are the database's and reset with it, but each instance also holds what steers
 * it (its request journal, fault rules and clock), and those must be forgotten too. The notice is sent inside the
 * reset's transaction, so the others hear of it when, and only if, it commits; they act on it within milliseconds.
 * One connection of the pool stays listening; after an outage it listens again. A notice sent while it was away is
 * lost, so each reset also counts up the generation in {@code reset_generation} (in the same transaction), and the
 * listener, each time it listens again, reads the generation: if it moved on meanwhile, it forgets then, within a
 * second or so of the database being back, unless the one reset it missed was its own instance's.
 */
public final class SharedResets implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SharedResets.class.getName());
    private static final String CHANNEL = "hookstub_reset";
    /** Nothing to tell anyone: memory and H2 are one instance's. */
    private static final SharedResets NONE = new SharedResets(null);

    private final Database database;
    /** This instance, so that it ignores the notice of its own reset. */
    private final String instance = UUID.randomUUID().toString();
    private volatile boolean closed;
    private Thread listener;
    /** The generation of the last reset the listener knows of; null until it first listens. Its thread's alone. */
    private Long known;

    private SharedResets(Database database) {
        this.database = database;
    }

    /** The store's: one that listens when it is shared PostgreSQL (closed with the database), else nothing. */
    public static SharedResets of(Database database) {
        return database == null ? NONE : database.resets();
    }

    static SharedResets create(Database database) {
        return database.kind() == Database.Kind.POSTGRESQL ? new SharedResets(database) : NONE;
    }

    /** Runs {@code onOtherReset} on a thread of its own whenever another instance announces a reset. */
    public void listen(Runnable onOtherReset) {
        if (database == null) {
            return;
        }
        listener = new Thread(() -> listenUntilClosed(onOtherReset), "hookstub-reset-listener");
        listener.setDaemon(true);
        listener.start();
    }

    /** Inside the reset's transaction, if there is one: the others hear of it on commit. */
    public void announce() {
        if (database == null) {
            return;
        }
        // The row's lock also puts concurrent resets in order: generations and their notices come in commit order.
        try (Connection connection = database.connection();
             PreparedStatement notify = connection.prepareStatement("""
                     WITH reset AS (
                       UPDATE reset_generation SET generation = generation + 1, instance = ?
                       RETURNING instance || ':' || generation AS payload)
                     SELECT pg_notify(?, payload) FROM reset""")) {
            notify.setString(1, instance);
            notify.setString(2, CHANNEL);
            notify.execute();
        } catch (SQLException e) {
            throw new StoreException("Cannot tell the other instances of the reset", e);
        }
    }

    private void listenUntilClosed(Runnable onOtherReset) {
        while (!closed) {
            try {
                Connection connection = database.connection();
                try {
                    listen(connection, onOtherReset);
                } finally {
                    database.discard(connection);
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                // The database went away: the pool reconnects when it is back, and so does this.
                LOG.log(Level.FINE, "Listening for resets failed; trying again", e);
                pause();
            }
        }
    }

    private void listen(Connection connection, Runnable onOtherReset) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        }
        catchUp(onOtherReset);
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (!closed) {
            PGNotification[] notices = pg.getNotifications(500);
            if (notices == null) {
                continue;
            }
            for (PGNotification notice : notices) {
                heard(Reset.of(notice.getParameter()), onOtherReset);
            }
        }
    }

    /**
     * Once listening: a reset that commits from now on is heard as a notice, one before is in the generation. So
     * none falls between, though one may be in both (the notice is then ignored, its generation already known). Read
     * through another of the pool's connections, so that pg_stat_activity keeps showing the listening one's LISTEN.
     */
    private void catchUp(Runnable onOtherReset) throws SQLException {
        Reset last;
        try (Connection connection = database.connection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT instance, generation FROM reset_generation")) {
            row.next();
            last = new Reset(row.getString(1), row.getLong(2));
        }
        // Several missed resets may all have been this instance's, but the row names only the last: forget to be
        // safe, as a reset would have anyway.
        boolean missedOthers = known != null && last.generation() != known
                && !(last.generation() == known + 1 && instance.equals(last.instance()));
        if (missedOthers) {
            onOtherReset.run();
        }
        known = last.generation();
    }

    private void heard(Reset reset, Runnable onOtherReset) {
        if (reset.generation() <= known) {
            return;
        }
        if (!instance.equals(reset.instance())) {
            onOtherReset.run();
        }
        known = reset.generation();
    }

    /** A reset as the database numbers it; a notice's payload is {@code instance:generation}. */
    private record Reset(String instance, long generation) {

        static Reset of(String payload) {
            int colon = payload.lastIndexOf(':');
            return new Reset(payload.substring(0, colon), Long.parseLong(payload.substring(colon + 1)));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Before the database closes. */
    @Override
    public void close() {
        closed = true;
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
