package dev.hookstub.server.store;

/** A record a {@link WebhookStore} keeps: everything it needs to know is its id. */
public interface StoredRecord {

    String id();
}
