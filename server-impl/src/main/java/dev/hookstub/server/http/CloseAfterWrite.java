package dev.hookstub.server.http;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;

/** Closes the connection once a refusal written on it is sent, or could not be: nothing after it is read. */
final class CloseAfterWrite<R> extends EmptyCompletionHandler<R> {

    private final Connection<?> connection;

    CloseAfterWrite(Connection<?> connection) {
        this.connection = connection;
    }

    @Override
    public void completed(R result) {
        connection.closeSilently();
    }

    @Override
    public void failed(Throwable error) {
        connection.closeSilently();
    }
}
