package dev.hookstub.server.store;

import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * Where one API's webhook records live. Implementations are thread-safe; a persistent one can replace the
 * in-memory one without the resources noticing.
 */
public interface WebhookStore<R extends StoredRecord> {

    /** Stores a new record; false, and nothing changed, when one with the same id exists. */
    boolean insert(R record);

    Optional<R> find(String id);

    /** Replaces the record with the same id (a delivery's 410 disabling a webhook); false when there is none. */
    boolean replace(R record);

    List<R> all();

    boolean delete(String id);

    /** Replaces everything with the given records, atomically for readers. */
    void replaceAll(List<R> records);

    int size();

    /** True when the store holds nothing of its own yet and should be filled with the fixtures. */
    default boolean needsSeeding() {
        return true;
    }

    /**
     * Runs the seeding when {@link #needsSeeding()}; a store that instances share runs it once for all of them, even
     * when they start together.
     */
    default void seedOnce(Runnable seeding) {
        if (needsSeeding()) {
            seeding.run();
        }
    }

    /**
     * Runs the work so that its changes to this store, and to the others on the same database, are seen all at once
     * (a reset); a store in memory just runs it.
     */
    default void inTransaction(Runnable work) {
        work.run();
    }

    /** The sequence of the integer ids of this store's records, starting past the highest one it holds. */
    default IdSequence idSequence(ToLongFunction<R> idOf) {
        return new LocalIdSequence(all().stream().mapToLong(idOf).max().orElse(0));
    }
}
