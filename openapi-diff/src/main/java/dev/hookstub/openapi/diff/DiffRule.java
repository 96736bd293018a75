package dev.hookstub.openapi.diff;

import static dev.hookstub.openapi.diff.Audience.CLIENT;
import static dev.hookstub.openapi.diff.Audience.GENERATED_JAVA_CLIENT;
import static dev.hookstub.openapi.diff.Audience.SERVER;
import static dev.hookstub.openapi.diff.Severity.ERROR;
import static dev.hookstub.openapi.diff.Severity.INFO;
import static dev.hookstub.openapi.diff.Severity.WARNING;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every kind of change {@code hookstub diff} reports, with its level and who it affects: the one place where either
 * is decided (openapi-diff/README.md sets each beside oasdiff's). A severity is graded for the audience that fares
 * worst; an info rule names who should take note.
 *
 * <p>Schema rules ({@code request-...}, {@code response-...}) hold wherever a schema is reached: a body, a property at
 * any depth, an array's items, a parameter.
 */
public enum DiffRule {
    PATH_ADDED("path-added", INFO, List.of(SERVER),
            "a new path; a server must serve its operations"),
    PATH_REMOVED("path-removed", ERROR, List.of(CLIENT, GENERATED_JAVA_CLIENT),
            "a path and its operations are gone: calls fail, the generated client loses their methods"),
    OPERATION_ADDED("operation-added", INFO, List.of(SERVER),
            "a new operation on a known path; a generated server interface gains a method to implement"),
    OPERATION_REMOVED("operation-removed", ERROR, List.of(CLIENT, GENERATED_JAVA_CLIENT),
            "an operation is gone: calls fail, the generated client loses its method"),
    OPERATION_ID_CHANGED("operation-id-changed", WARNING, List.of(GENERATED_JAVA_CLIENT, SERVER),
            "an operationId changed, was added or was removed: requests stay the same, but the generated client's "
                    + "method and the generated server interface's are renamed, so code that calls or implements "
                    + "them stops compiling, and a server that maps operations by id no longer finds it"),

    REQUEST_PARAMETER_ADDED_REQUIRED("request-parameter-added-required", ERROR, List.of(CLIENT, GENERATED_JAVA_CLIENT),
            "a new required parameter: requests without it are refused"),
    REQUEST_PARAMETER_ADDED_OPTIONAL("request-parameter-added-optional", WARNING, List.of(GENERATED_JAVA_CLIENT),
            "a new optional parameter: requests stay valid, but the generated method gains an argument"),
    REQUEST_PARAMETER_REMOVED("request-parameter-removed", WARNING, List.of(CLIENT, GENERATED_JAVA_CLIENT),
            "a parameter is gone: a server may refuse it, the generated method loses an argument"),
    REQUEST_PARAMETER_BECAME_REQUIRED("request-parameter-became-required", ERROR, List.of(CLIENT),
            "an optional parameter is now required"),
    REQUEST_PARAMETER_BECAME_OPTIONAL("request-parameter-became-optional", INFO, List.of(SERVER),
            "a required parameter is now optional; a server must do without it"),
    REQUEST_PARAMETER_IN_CHANGED("request-parameter-in-changed", ERROR, List.of(CLIENT, GENERATED_JAVA_CLIENT),
            "a parameter moved (query, header, path or cookie): clients send it where it is not read"),

    REQUEST_MEDIA_TYPE_ADDED("request-media-type-added", INFO, List.of(SERVER),
            "a request body may come in a new media type; a server must read it"),
    REQUEST_MEDIA_TYPE_REMOVED("request-media-type-removed", ERROR, List.of(CLIENT),
            "a request body media type is no longer accepted"),
    REQUEST_BODY_BECAME_REQUIRED("request-body-became-required", ERROR, List.of(CLIENT),
            "a request body is now required: requests without one are refused"),
    REQUEST_BODY_BECAME_OPTIONAL("request-body-became-optional", INFO, List.of(SERVER),
            "a required request body is now optional; a server must do without it"),
    RESPONSE_MEDIA_TYPE_ADDED("response-media-type-added", INFO, List.of(SERVER),
            "a response may come in a new media type"),
    RESPONSE_MEDIA_TYPE_REMOVED("response-media-type-removed", ERROR, List.of(CLIENT, GENERATED_JAVA_CLIENT),
            "a response media type clients may ask for is gone"),
    RESPONSE_SUCCESS_STATUS_ADDED("response-success-status-added", INFO, List.of(CLIENT),
            "a new success status; a client that checks statuses meets one it does not know"),
    RESPONSE_SUCCESS_STATUS_REMOVED("response-success-status-removed", ERROR, List.of(CLIENT, GENERATED_JAVA_CLIENT),
            "a success status is gone: clients that read its body get another one"),
    RESPONSE_ERROR_STATUS_ADDED("response-error-status-added", INFO, List.of(CLIENT),
            "a new error status"),
    RESPONSE_ERROR_STATUS_REMOVED("response-error-status-removed", INFO, List.of(SERVER),
            "an error status is no longer documented; a server should not send it"),

    REQUEST_PROPERTY_ADDED_REQUIRED("request-property-added-required", ERROR, List.of(CLIENT),
            "a new required request property: requests without it are refused"),
    REQUEST_PROPERTY_ADDED_OPTIONAL("request-property-added-optional", INFO, List.of(SERVER),
            "a new optional request property; a server must accept it"),
    REQUEST_PROPERTY_REMOVED("request-property-removed", WARNING, List.of(CLIENT, GENERATED_JAVA_CLIENT),
            "a request property is gone: a server may refuse it, the generated model loses its setter"),
    REQUEST_PROPERTY_BECAME_REQUIRED("request-property-became-required", ERROR, List.of(CLIENT),
            "an optional request property is now required"),
    REQUEST_PROPERTY_BECAME_OPTIONAL("request-property-became-optional", INFO, List.of(SERVER),
            "a required request property is now optional; a server must do without it"),
    REQUEST_TYPE_CHANGED("request-type-changed", ERROR, List.of(CLIENT, GENERATED_JAVA_CLIENT),
            "a request value's type changed (or it became or stopped being an enum): the generated Java type changes"),
    REQUEST_FORMAT_CHANGED("request-format-changed", ERROR, List.of(CLIENT, GENERATED_JAVA_CLIENT),
            "a request value's format changed: the generated Java type changes (String, OffsetDateTime, Long...)"),
    REQUEST_BECAME_NOT_NULLABLE("request-became-not-nullable", ERROR, List.of(CLIENT),
            "a request value may no longer be null"),
    REQUEST_BECAME_NULLABLE("request-became-nullable", INFO, List.of(SERVER),
            "a request value may now be null; a server must accept it"),
    REQUEST_ENUM_VALUE_ADDED("request-enum-value-added", WARNING, List.of(SERVER),
            "a request enum gains a value: a server generated from the old document refuses it"),
    REQUEST_ENUM_VALUE_REMOVED("request-enum-value-removed", ERROR, List.of(CLIENT),
            "a request enum loses a value clients may send"),
    REQUEST_MAX_LENGTH_DECREASED("request-max-length-decreased", ERROR, List.of(CLIENT),
            "a request value's maxLength is lower, or set where there was none"),
    REQUEST_MIN_INCREASED("request-min-increased", ERROR, List.of(CLIENT),
            "a request value's minimum (or exclusiveMinimum) is higher, or set where there was none"),
    REQUEST_MAX_DECREASED("request-max-decreased", ERROR, List.of(CLIENT),
            "a request value's maximum (or exclusiveMaximum) is lower, or set where there was none"),
    REQUEST_PATTERN_ADDED("request-pattern-added", ERROR, List.of(CLIENT),
            "a request value must now match a pattern"),
    REQUEST_PATTERN_CHANGED("request-pattern-changed", WARNING, List.of(CLIENT),
            "a request value's pattern changed: values that matched the old one may not match"),
    REQUEST_BOUNDS_WIDENED("request-bounds-widened", INFO, List.of(SERVER),
            "a request value's maxLength, minimum, maximum or pattern is looser or gone; a server must accept more"),

    RESPONSE_PROPERTY_ADDED("response-property-added", INFO, List.of(SERVER),
            "a new response property (a generated Java client ignores properties it does not know)"),
    RESPONSE_REQUIRED_PROPERTY_REMOVED("response-required-property-removed", ERROR,
            List.of(CLIENT, GENERATED_JAVA_CLIENT),
            "a required response property is gone: clients that read it fail, the generated getter disappears"),
    RESPONSE_OPTIONAL_PROPERTY_REMOVED("response-optional-property-removed", WARNING,
            List.of(CLIENT, GENERATED_JAVA_CLIENT),
            "an optional response property is gone: the generated getter disappears"),
    RESPONSE_PROPERTY_BECAME_OPTIONAL("response-property-became-optional", ERROR, List.of(CLIENT),
            "a required response property is now optional: clients may not get it"),
    RESPONSE_PROPERTY_BECAME_REQUIRED("response-property-became-required", INFO, List.of(SERVER),
            "an optional response property is now required; a server must always send it"),
    RESPONSE_TYPE_CHANGED("response-type-changed", ERROR, List.of(CLIENT, GENERATED_JAVA_CLIENT),
            "a response value's type changed (or it became or stopped being an enum): the generated Java type changes"),
    RESPONSE_FORMAT_CHANGED("response-format-changed", ERROR, List.of(CLIENT, GENERATED_JAVA_CLIENT),
            "a response value's format changed: the generated Java type changes"),
    RESPONSE_BECAME_NULLABLE("response-became-nullable", ERROR, List.of(CLIENT),
            "a response value may now be null"),
    RESPONSE_BECAME_NOT_NULLABLE("response-became-not-nullable", INFO, List.of(SERVER),
            "a response value may no longer be null; a server must not send null"),
    RESPONSE_ENUM_VALUE_ADDED("response-enum-value-added", ERROR, List.of(CLIENT, GENERATED_JAVA_CLIENT),
            "a response enum gains a value: the generated Java enum throws on it, and the response cannot be read"),
    RESPONSE_ENUM_VALUE_REMOVED("response-enum-value-removed", INFO, List.of(SERVER),
            "a response enum loses a value; a server must not send it"),
    RESPONSE_MAX_LENGTH_INCREASED("response-max-length-increased", ERROR, List.of(CLIENT),
            "a response value's maxLength is higher or gone: clients may get longer values than they hold"),
    RESPONSE_MIN_DECREASED("response-min-decreased", ERROR, List.of(CLIENT),
            "a response value's minimum is lower or gone"),
    RESPONSE_MAX_INCREASED("response-max-increased", ERROR, List.of(CLIENT),
            "a response value's maximum is higher or gone"),
    RESPONSE_PATTERN_CHANGED("response-pattern-changed", INFO, List.of(CLIENT),
            "a response value's pattern was added, changed or removed"),
    RESPONSE_BOUNDS_NARROWED("response-bounds-narrowed", INFO, List.of(SERVER),
            "a response value's maxLength, minimum or maximum is tighter; a server must keep to it"),

    SECURITY_SCHEME_ADDED("security-scheme-added", INFO, List.of(SERVER),
            "a new security scheme in components"),
    SECURITY_SCHEME_REMOVED("security-scheme-removed", INFO, List.of(SERVER),
            "a security scheme is gone from components (operations that used it are reported on their own)"),
    SECURITY_SCHEME_TYPE_CHANGED("security-scheme-type-changed", ERROR, List.of(CLIENT, GENERATED_JAVA_CLIENT),
            "a security scheme sends its credential another way (type, HTTP scheme, or API key name or place)"),
    SECURITY_SCHEME_SCOPE_ADDED("security-scheme-scope-added", INFO, List.of(SERVER),
            "an OAuth2 scheme offers a new scope"),
    SECURITY_SCHEME_SCOPE_REMOVED("security-scheme-scope-removed", WARNING, List.of(CLIENT),
            "an OAuth2 scheme no longer offers a scope: clients that ask for it may get no token"),
    OPERATION_SECURITY_ADDED("operation-security-added", ERROR, List.of(CLIENT),
            "an operation that needed no credential now needs one"),
    OPERATION_SECURITY_REMOVED("operation-security-removed", INFO, List.of(SERVER),
            "an operation now needs no credential"),
    OPERATION_SECURITY_ALTERNATIVE_ADDED("operation-security-alternative-added", INFO, List.of(SERVER),
            "an operation accepts one more way to authenticate"),
    OPERATION_SECURITY_ALTERNATIVE_REMOVED("operation-security-alternative-removed", ERROR, List.of(CLIENT),
            "an operation no longer accepts a way to authenticate that clients may use"),
    OPERATION_SECURITY_SCOPE_ADDED("operation-security-scope-added", ERROR, List.of(CLIENT),
            "an operation needs one more OAuth2 scope: tokens without it are refused"),
    OPERATION_SECURITY_SCOPE_REMOVED("operation-security-scope-removed", INFO, List.of(SERVER),
            "an operation needs one OAuth2 scope fewer");

    private final String id;
    private final Severity severity;
    private final List<Audience> audiences;
    private final String description;

    DiffRule(String id, Severity severity, List<Audience> audiences, String description) {
        this.id = id;
        this.severity = severity;
        this.audiences = audiences;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    public List<Audience> audiences() {
        return audiences;
    }

    public String description() {
        return description;
    }

    public static Optional<DiffRule> withId(String id) {
        return Arrays.stream(values()).filter(rule -> rule.id.equals(id)).findFirst();
    }

    /** The schema rule for {@code what} in {@code direction}, e.g. {@code type-changed} in a response. */
    static DiffRule of(Direction direction, String what) {
        return withId(direction.prefix() + "-" + what)
                .orElseThrow(() -> new IllegalArgumentException("no rule " + direction.prefix() + "-" + what));
    }
}
