package dev.hookstub.conformance.checks;

/**
 * A response as received.
 *
 * @param contentType the Content-Type header, or null
 * @param allow       the Allow header, or null
 * @param body        the full body, for judging only; reports show {@code excerpt}
 * @param excerpt     the start of the body with credentials and secret-looking members masked; "" when none
 */
public record RecordedResponse(int status, String contentType, String allow, String body, String excerpt) {

    public String summary() {
        return status + (contentType == null ? "" : " " + contentType) + (excerpt.isEmpty() ? "" : " " + excerpt);
    }
}
