package dev.hookstub.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.store.Database;
import dev.hookstub.server.store.InMemoryWebhookStore;
import dev.hookstub.server.store.PersistentWebhookStore;
import dev.hookstub.server.store.PostgresWebhookStore;
import dev.hookstub.server.store.StoredRecord;
import dev.hookstub.server.store.WebhookStore;

/**
 * Makes each API's store: in the shared PostgreSQL database, read on every request; in the H2 database with a copy
 * in memory; or in memory only.
 */
final class Stores {

    private final Database database;
    private final ObjectMapper mapper;

    Stores(Database database, ObjectMapper mapper) {
        this.database = database;
        this.mapper = mapper;
    }

    <R extends StoredRecord> WebhookStore<R> of(String api, Class<R> type) {
        if (database == null) {
            return new InMemoryWebhookStore<>();
        }
        return database.kind() == Database.Kind.POSTGRESQL ? new PostgresWebhookStore<>(database, api, type, mapper)
                : new PersistentWebhookStore<>(database, api, type, mapper);
    }
}
