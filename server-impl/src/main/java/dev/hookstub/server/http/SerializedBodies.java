package dev.hookstub.server.http;

import dev.hookstub.server.store.StoredRecord;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The JSON of each stored record, serialised once. Records are immutable and replaced, never changed, so an entry
 * is valid exactly while the store still holds the same record instance.
 */
public final class SerializedBodies<R extends StoredRecord> {

    private record Entry(Object record, byte[] body) {
    }

    private static final int MAX_ENTRIES = 200_000;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Function<R, byte[]> serializer;

    public SerializedBodies(Function<R, byte[]> serializer) {
        this.serializer = serializer;
    }

    public byte[] of(R record) {
        Entry entry = entries.get(record.id());
        if (entry != null && entry.record() == record) {
            return entry.body();
        }
        byte[] body = serializer.apply(record);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(record.id(), new Entry(record, body));
        return body;
    }
}
