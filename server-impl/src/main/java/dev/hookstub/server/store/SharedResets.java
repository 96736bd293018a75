package dev.hookstub.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
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
 * One connection of the pool stays listening; after an outage it listens again, and a reset made while it was
 * away is not heard.
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
        try (Connection connection = database.connection();
             PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, instance);
            notify.execute();
        } catch (SQLException e) {
            throw new StoreException("Cannot tell the other instances of the reset", e);
        }
    }

    private void listenUntilClosed(Runnable onOtherReset) {
        while (!closed) {
            try (Connection connection = database.connection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notices = pg.getNotifications(500);
                    if (notices == null) {
                        continue;
                    }
                    for (PGNotification notice : notices) {
                        if (!instance.equals(notice.getParameter())) {
                            onOtherReset.run();
                        }
                    }
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
