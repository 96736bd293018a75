package dev.hookstub.server.journal;

/**
 * One way a request forwarded by the proxy, or the upstream's answer to it, breaks the API's spec: as the journal
 * lists it beside the request, the {@code Hookstub-Violations} header carries it and the log writes it.
 *
 * @param in      {@code request} or {@code response}
 * @param check   the check it fails, e.g. {@code response_schema_conformance}
 * @param pointer where: a JSON pointer into the body, {@code /query/testmode} for a parameter, "" for the whole
 * @param reason  what the spec expected
 */
public record SpecViolation(String in, String check, String pointer, String reason) {

    public static final String REQUEST = "request";
    public static final String RESPONSE = "response";

    /** One line: {@code response response_schema_conformance at /id: ...}. */
    @Override
    public String toString() {
        return in + " " + check + " at " + (pointer.isEmpty() ? "<root>" : pointer) + ": " + reason;
    }
}
