package dev.hookstub.server.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.store.Database;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every delivery and every webhook that answered 410, for the admin API and for the workers. Implementations are
 * thread-safe; the dispatcher serialises the changes to one delivery within one instance, and a {@link #shared()}
 * log serialises them between instances with its claims.
 */
public interface DeliveryLog {

    /** The log for the store: shared on PostgreSQL, in H2 with a copy in memory, or in memory only. */
    static DeliveryLog open(Database database, ObjectMapper mapper, DeliveryOptions options) {
        if (database == null) {
            return new InMemoryDeliveryLog();
        }
        return database.kind() == Database.Kind.POSTGRESQL
                ? new SharedDeliveryLog(database, mapper, options.timeout())
                : new DatabaseDeliveryLog(database, mapper);
    }

    void insert(Delivery delivery);

    /** Replaces the delivery with the same id; false when there is none (the log was cleared meanwhile). */
    boolean update(Delivery delivery);

    Optional<Delivery> find(String id);

    /** Oldest first. */
    List<Delivery> all();

    void markGone(String api, String webhookId);

    boolean isGone(String api, String webhookId);

    /** Forgets every delivery and every gone webhook. */
    void clear();

    /**
     * Takes the delivery for one attempt by this instance and marks it delivering: empty when it is not pending,
     * not due by {@code dueBy} (the stub clock's time), gone, or held by another instance. This log is written by
     * one instance only, so a look under the dispatcher's lock is claim enough.
     */
    default Optional<Delivery> claim(String id, Instant dueBy) {
        Optional<Delivery> current = find(id);
        if (current.isEmpty() || current.get().status() != DeliveryStatus.PENDING
                || dueBy.isBefore(current.get().nextAttemptAt())) {
            return Optional.empty();
        }
        Delivery delivering = current.get().delivering();
        return update(delivering) ? Optional.of(delivering) : Optional.empty();
    }

    /**
     * Records what came of an attempt this instance {@linkplain #claim claimed}; false when the log was cleared
     * meanwhile or, in a shared log, another instance has taken the delivery over since.
     */
    default boolean complete(Delivery delivery) {
        return update(delivery);
    }

    /** True when other instances write this log too, so the dispatcher must look for work they left. */
    default boolean shared() {
        return false;
    }

    /**
     * In a shared log: the deliveries any instance may attempt, those pending and due by {@code dueBy} at their time
     * and those whose holder's lease has run out at once ({@code now}). Empty for a log only this instance writes,
     * where the dispatcher knows them all.
     */
    default List<Waiting> waiting(Instant now, Instant dueBy) {
        return List.of();
    }

    /** A delivery some instance should attempt when the stub's clock reaches {@code at}. */
    record Waiting(String id, Instant at) {
    }
}
