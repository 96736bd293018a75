package dev.hookstub.conformance.checks;

import java.util.Map;

/**
 * A request as sent, fit for a report: headers that carry credentials are already masked.
 *
 * @param body the body as sent, or null when there was none
 */
public record RecordedRequest(String method, String url, Map<String, String> headers, String body) {

    public RecordedRequest {
        headers = Map.copyOf(headers);
    }
}
