package dev.hookstub.server.store;

/** Makes each API's store, once the API knows how its records are written and read. */
public interface WebhookStores {

    <R extends StoredRecord> WebhookStore<R> of(String api, RecordCodec<R> codec);
}
