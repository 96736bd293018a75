package dev.hookstub.server.store;

import java.util.List;
import java.util.Optional;

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
}
