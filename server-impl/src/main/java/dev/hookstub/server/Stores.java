package dev.hookstub.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.store.Database;
import dev.hookstub.server.store.InMemoryWebhookStore;
import dev.hookstub.server.store.PersistentWebhookStore;
import dev.hookstub.server.store.StoredRecord;
import dev.hookstub.server.store.WebhookStore;

/** Makes each API's store: in the database when there is one, in memory otherwise. */
final class Stores {

    private final Database database;
    private final ObjectMapper mapper;

    Stores(Database database, ObjectMapper mapper) {
        this.database = database;
        this.mapper = mapper;
    }

    <R extends StoredRecord> WebhookStore<R> of(String api, Class<R> type) {
        return database == null ? new InMemoryWebhookStore<>() : new PersistentWebhookStore<>(database, api, type, mapper);
    }
}
