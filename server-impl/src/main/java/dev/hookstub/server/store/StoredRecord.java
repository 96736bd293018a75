package dev.hookstub.server.store;

/** A record a {@link WebhookStore} keeps: everything it needs to know is its id. */
public interface StoredRecord {

    String id();

    /** The secret the provider signs this webhook's deliveries with; none by default (or when it has none set). */
    default String signingSecret() {
        return null;
    }
}
