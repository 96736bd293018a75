package dev.hookstub.server.journal;

import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.server.AfterServiceListener;
import org.glassfish.grizzly.http.server.Request;

/**
 * A request being answered, carried on the request itself. It is finished when the response head is serialized
 * (the status is final then, and nothing has reached the client yet, so a client that has its answer finds it in
 * the journal); a request whose head is never written (the connection broke) is finished after service.
 */
record PendingEntry(ApiJournal journal, long startNanos, long receivedAtMillis, String method, String path,
                    String query, String[] headers, AtomicBoolean finished) {

    private static final String ATTRIBUTE = "dev.hookstub.journal.pending";

    private static final AfterServiceListener AFTER_SERVICE = request ->
            finish(request.getRequest(), request.getResponse().getStatus());

    PendingEntry(ApiJournal journal, long startNanos, long receivedAtMillis, String method, String path, String query,
                 String[] headers) {
        this(journal, startNanos, receivedAtMillis, method, path, query, headers, new AtomicBoolean());
    }

    static void attach(Request request, PendingEntry pending) {
        attach(request.getRequest(), pending);
        request.addAfterServiceListener(AFTER_SERVICE);
    }

    /** For a request no handler serves: finished only when its head is written. */
    static void attach(HttpRequestPacket request, PendingEntry pending) {
        request.setAttribute(ATTRIBUTE, pending);
    }

    /** Called as a response head is serialized; a {@code 100 Continue} is not the answer and is passed over. */
    static void headWritten(HttpResponsePacket response) {
        if (!response.isAcknowledgement() && response.getStatus() >= 200) {
            finish(response.getRequest(), response.getStatus());
        }
    }

    private static void finish(HttpRequestPacket request, int status) {
        if (request != null && request.getAttribute(ATTRIBUTE) instanceof PendingEntry pending
                && pending.finished.compareAndSet(false, true)) {
            pending.journal.finish(pending, status, request);
        }
    }
}
