package dev.hookstub.conformance.checks;

import java.util.List;
import java.util.Map;

/**
 * A response as received, or the reason none was.
 *
 * @param status      the status, or 0 when no answer came ({@code failure} says why)
 * @param contentType the Content-Type header, or null
 * @param allow       the Allow header, or null
 * @param body        the full body, for judging only; reports show {@code excerpt}; null once recorded in a report
 * @param excerpt     the start of the body with credentials and secret-looking members masked; "" when none
 * @param headers     every header, names in lower case, for judging only; empty once recorded in a report
 * @param failure     why there is no answer (timed out, connection refused), or null
 */
public record RecordedResponse(int status, String contentType, String allow, String body, String excerpt,
                               Map<String, List<String>> headers, String failure) {

    public RecordedResponse {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** No answer at all, and why. */
    static RecordedResponse none(String failure) {
        return new RecordedResponse(0, null, null, null, "", Map.of(), failure);
    }

    public boolean answered() {
        return failure == null;
    }

    /** The same response without what only judging needs, to be kept for a report. */
    RecordedResponse forReport() {
        return new RecordedResponse(status, contentType, allow, null, excerpt, Map.of(), failure);
    }

    public String summary() {
        if (!answered()) {
            return "no answer: " + failure;
        }
        return status + (contentType == null ? "" : " " + contentType) + (excerpt.isEmpty() ? "" : " " + excerpt);
    }
}
