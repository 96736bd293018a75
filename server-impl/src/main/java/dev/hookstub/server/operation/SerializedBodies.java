package dev.hookstub.server.operation;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.store.StoredRecord;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The JSON of each stored record, serialised once. Records are immutable and replaced, never changed, so an entry
 * is valid exactly while the store still holds the same record instance; a store that reads records from a shared
 * database hands out a new instance on every read, so nothing here outlives a change made by another instance.
 * <p>
 * A body that names the URL it was asked at (Mollie's {@code _links.self}) is serialised once with a placeholder
 * in the URL's place, which each answer replaces.
 */
public final class SerializedBodies<R extends StoredRecord> {

    private static final String URL_MARK = "\u0000url\u0000";
    private static final byte[] URL_MARK_JSON = "\"\\u0000url\\u0000\"".getBytes(StandardCharsets.UTF_8);
    private static final int MAX_ENTRIES = 200_000;

    private record Entry(Object record, byte[] body, int mark) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Function<R, byte[]> serializer;
    private final boolean withUrl;

    private SerializedBodies(Function<R, byte[]> serializer, boolean withUrl) {
        this.serializer = serializer;
        this.withUrl = withUrl;
    }

    /** Bodies of the record's model. */
    public static <R extends StoredRecord> SerializedBodies<R> of(Function<R, ?> model, ObjectMapper mapper) {
        return new SerializedBodies<>(record -> Answer.json(mapper, model.apply(record)), false);
    }

    /** Bodies of a model that names the URL it was asked at; read with {@link #of(StoredRecord, String)}. */
    public static <R extends StoredRecord> SerializedBodies<R> withUrl(BiFunction<R, String, ?> model,
                                                                     ObjectMapper mapper) {
        return new SerializedBodies<>(record -> Answer.json(mapper, model.apply(record, URL_MARK)), true);
    }

    /** The record's body as this request reads it: naming the URL it was asked at, if these bodies name one. */
    public byte[] forRequest(R record, OperationRequest request) {
        return withUrl ? of(record, request.url()) : of(record);
    }

    public byte[] of(R record) {
        if (withUrl) {
            throw new IllegalStateException("these bodies name their URL: give it");
        }
        return entry(record).body();
    }

    /** The record's body naming {@code url} where its model put it. */
    public byte[] of(R record, String url) {
        if (!withUrl) {
            throw new IllegalStateException("these bodies name no URL");
        }
        Entry entry = entry(record);
        byte[] template = entry.body();
        int mark = entry.mark();
        ByteArrayOutputStream body = new ByteArrayOutputStream(template.length + url.length() + 2);
        body.write(template, 0, mark);
        body.write('"');
        body.writeBytes(JsonStringEncoder.getInstance().quoteAsUTF8(url));
        body.write('"');
        body.write(template, mark + URL_MARK_JSON.length, template.length - mark - URL_MARK_JSON.length);
        return body.toByteArray();
    }

    private Entry entry(R record) {
        Entry entry = entries.get(record.id());
        if (entry != null && entry.record() == record) {
            return entry;
        }
        byte[] body = serializer.apply(record);
        entry = new Entry(record, body, withUrl ? indexOf(body, URL_MARK_JSON) : -1);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(record.id(), entry);
        return entry;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("URL placeholder missing from the serialised record");
    }
}
