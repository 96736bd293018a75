package dev.hookstub.server.store;

/** The database failed; the change it was asked for did not happen. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
