package dev.hookstub.server;

import dev.hookstub.server.store.Database;
import dev.hookstub.server.store.InMemoryWebhookStore;
import dev.hookstub.server.store.PersistentWebhookStore;
import dev.hookstub.server.store.PostgresWebhookStore;
import dev.hookstub.server.store.RecordCodec;
import dev.hookstub.server.store.StoredRecord;
import dev.hookstub.server.store.WebhookStore;
import dev.hookstub.server.store.WebhookStores;

/**
 * Makes each API's store: in the shared PostgreSQL database, read on every request; in the H2 database with a copy
 * in memory; or in memory only.
 */
final class Stores implements WebhookStores {

    private final Database database;

    Stores(Database database) {
        this.database = database;
    }

    @Override
    public <R extends StoredRecord> WebhookStore<R> of(String api, RecordCodec<R> codec) {
        if (database == null) {
            return new InMemoryWebhookStore<>();
        }
        return database.kind() == Database.Kind.POSTGRESQL ? new PostgresWebhookStore<>(database, api, codec)
                : new PersistentWebhookStore<>(database, api, codec);
    }
}
