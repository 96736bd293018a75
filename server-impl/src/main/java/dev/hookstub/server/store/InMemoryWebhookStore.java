package dev.hookstub.server.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A thread-safe store in the heap; records are immutable, so readers never see a half-written one. */
public final class InMemoryWebhookStore<R extends StoredRecord> implements WebhookStore<R> {

    private volatile ConcurrentMap<String, R> records = new ConcurrentHashMap<>();

    @Override
    public boolean insert(R record) {
        return records.putIfAbsent(record.id(), record) == null;
    }

    @Override
    public boolean replace(R record) {
        return records.replace(record.id(), record) != null;
    }

    @Override
    public Optional<R> find(String id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public List<R> all() {
        List<R> all = new ArrayList<>(records.values());
        all.sort(Comparator.comparing(StoredRecord::id));
        return all;
    }

    @Override
    public boolean delete(String id) {
        return records.remove(id) != null;
    }

    @Override
    public void replaceAll(List<R> replacement) {
        ConcurrentMap<String, R> fresh = new ConcurrentHashMap<>();
        replacement.forEach(r -> fresh.put(r.id(), r));
        records = fresh;
    }

    @Override
    public int size() {
        return records.size();
    }
}
