package dev.hookstub.server.store;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A store that counts its changes: every write that changed something moves {@link #version()} on. Whatever keeps
 * answers derived from the records (the replay carrier) keeps the version it saw with them, and drops them once the
 * version has moved. The version is bumped after the write, so a reader that sees the new version sees the new data.
 */
public final class VersionedStore<R extends StoredRecord> implements WebhookStore<R> {

    private final WebhookStore<R> store;
    private final AtomicLong version = new AtomicLong();

    public VersionedStore(WebhookStore<R> store) {
        this.store = store;
    }

    /** Moves on with every change; never goes back. */
    public long version() {
        return version.get();
    }

    @Override
    public boolean insert(R record) {
        return changed(store.insert(record));
    }

    @Override
    public Optional<R> find(String id) {
        return store.find(id);
    }

    @Override
    public boolean replace(R record) {
        return changed(store.replace(record));
    }

    @Override
    public List<R> all() {
        return store.all();
    }

    @Override
    public boolean delete(String id) {
        return changed(store.delete(id));
    }

    @Override
    public void replaceAll(List<R> records) {
        try {
            store.replaceAll(records);
        } finally {
            version.incrementAndGet();
        }
    }

    @Override
    public int size() {
        return store.size();
    }

    @Override
    public boolean needsSeeding() {
        return store.needsSeeding();
    }

    private boolean changed(boolean changed) {
        if (changed) {
            version.incrementAndGet();
        }
        return changed;
    }
}
