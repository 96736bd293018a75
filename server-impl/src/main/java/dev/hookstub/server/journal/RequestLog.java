package dev.hookstub.server.journal;

import java.util.Locale;
import java.util.logging.Logger;

/**
 * {@code --log-requests}: one line per request to the four APIs, credentials masked, a refusal with its reason:
 * {@code partoo GET /partoo/v2/webhooks/9 -> 404 1.2ms (not found: No webhook with id 9.)}.
 */
final class RequestLog {

    private static final Logger LOG = Logger.getLogger(RequestLog.class.getName());

    private RequestLog() {
    }

    static void line(String api, String method, String path, String query, int status, long durationNanos,
                     String refusal) {
        LOG.info(() -> api + " " + method + " " + path + (query == null ? "" : "?" + query) + " -> " + status + " "
                + String.format(Locale.ROOT, "%.1f", durationNanos / 1_000_000.0) + "ms"
                + (refusal == null ? "" : " (" + refusal + ")"));
    }
}
