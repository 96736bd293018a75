package dev.hookstub.openapi;

/**
 * One way a response breaks its contract.
 *
 * @param check   which conformance check failed, one of the constants below
 * @param pointer JSON pointer into the response body ("" = the whole body, also used for checks
 *                about status or headers); for a missing required member or an invalid property
 *                name it points at that member, so a report names the field, not its parent
 * @param reason  human-readable explanation
 */
public record Violation(String check, String pointer, String reason) {

    public static final String STATUS_CODE_CONFORMANCE = "status_code_conformance";
    public static final String CONTENT_TYPE_CONFORMANCE = "content_type_conformance";
    public static final String RESPONSE_SCHEMA_CONFORMANCE = "response_schema_conformance";
    public static final String RESPONSE_HEADERS_CONFORMANCE = "response_headers_conformance";

    @Override
    public String toString() {
        return check + " at " + (pointer.isEmpty() ? "<root>" : pointer) + ": " + reason;
    }
}
