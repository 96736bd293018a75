package dev.hookstub.server.store;

/** How a persistent store writes one API's records as text (JSON) and reads them back. */
public interface RecordCodec<R extends StoredRecord> {

    String write(R record);

    R read(String stored);
}
