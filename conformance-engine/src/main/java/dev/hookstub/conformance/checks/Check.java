package dev.hookstub.conformance.checks;

import dev.hookstub.openapi.RequestValidator;
import dev.hookstub.openapi.Violation;

/** The named checks run on every operation of every spec, after Schemathesis' built-in checks of the same names. */
public enum Check {
    /**
     * The requests a client sent through {@code hookstub proxy} keep to the spec; the engine makes its own requests,
     * so only reports of observed traffic ({@link ObservedTraffic}) hold these two.
     */
    REQUEST_PARAMETER_CONFORMANCE(RequestValidator.PARAMETERS,
            "the parameters a client sent keep to the spec (hookstub proxy)", true),
    REQUEST_BODY_CONFORMANCE(RequestValidator.BODY, "the body a client sent keeps to the spec (hookstub proxy)",
            true),
    NOT_A_SERVER_ERROR("not_a_server_error", "no 5xx for any request the suite sends"),
    /**
     * The status is declared for the operation. Two kinds of undeclared status are not held against it, because these
     * providers' specs leave them out: a 4xx answering a request that is deliberately outside the contract (invalid
     * input, missing or invalid credential, undocumented method), and a 401/403/404 answering a valid request (the
     * caller may not see that record, or it does not exist). Their bodies must still be in the API's error format.
     */
    STATUS_CODE_CONFORMANCE(Violation.STATUS_CODE_CONFORMANCE, "the status is declared for the operation"),
    CONTENT_TYPE_CONFORMANCE(Violation.CONTENT_TYPE_CONFORMANCE, "the Content-Type is declared for that status"),
    RESPONSE_SCHEMA_CONFORMANCE(Violation.RESPONSE_SCHEMA_CONFORMANCE,
            "the body is valid against the declared schema (errors: the API's error format)"),
    RESPONSE_HEADERS_CONFORMANCE(Violation.RESPONSE_HEADERS_CONFORMANCE,
            "every header the response declares as required is present, and each declared header is valid"),
    IGNORED_AUTH("ignored_auth", "a secured operation rejects missing and invalid credentials with 401 or 403"),
    NEGATIVE_DATA_REJECTION("negative_data_rejection", "requests that break the spec are rejected with a 4xx"),
    POSITIVE_DATA_ACCEPTANCE("positive_data_acceptance", "valid requests generated from the spec are accepted"),
    MISSING_REQUIRED_HEADER("missing_required_header", "a request without a required header is rejected with a 4xx"),
    ENSURE_RESOURCE_AVAILABILITY("ensure_resource_availability", "what a successful create returns can be read back"),
    /** Needs a create, a read of one record and a delete of it, all documented. */
    USE_AFTER_FREE("use_after_free", "a record that was deleted can no longer be read (404 or 410)"),
    UNSUPPORTED_METHOD("unsupported_method", "an undocumented method gets 405 with an Allow header"),
    /** Only with a limit ({@code --max-response-time}); skipped otherwise. */
    MAX_RESPONSE_TIME("max_response_time", "every answer comes within the limit given"),
    /** Needs a second credential, of another tenant; hookstub's own: no peer makes this check. */
    TENANT_ISOLATION("tenant_isolation",
            "a record one tenant reads is refused to another tenant with 403 or 404 in the API's error format");

    private final String checkName;
    private final String summary;
    private final boolean ofClientRequests;

    Check(String checkName, String summary) {
        this(checkName, summary, false);
    }

    Check(String checkName, String summary, boolean ofClientRequests) {
        this.checkName = checkName;
        this.summary = summary;
        this.ofClientRequests = ofClientRequests;
    }

    /** The checks a run of the engine makes on the requests it sends: every check but those of a client's requests. */
    public static java.util.Set<Check> ofTheEngine() {
        java.util.Set<Check> checks = java.util.EnumSet.noneOf(Check.class);
        for (Check check : values()) {
            if (!check.ofClientRequests) {
                checks.add(check);
            }
        }
        return checks;
    }

    /** The name reports and test names use, e.g. {@code status_code_conformance}. */
    public String checkName() {
        return checkName;
    }

    public String summary() {
        return summary;
    }

    /** The check called {@code name} ({@code status_code_conformance}), if there is one. */
    public static java.util.Optional<Check> named(String name) {
        if (name == null) {
            return java.util.Optional.empty();
        }
        for (Check check : values()) {
            if (check.checkName.equals(name)) {
                return java.util.Optional.of(check);
            }
        }
        return java.util.Optional.empty();
    }

    /** The check a response violation belongs to. */
    static Check of(Violation violation) {
        for (Check check : values()) {
            if (check.checkName.equals(violation.check())) {
                return check;
            }
        }
        throw new IllegalArgumentException("no check named " + violation.check());
    }

    @Override
    public String toString() {
        return checkName;
    }
}
