package dev.hookstub.conformance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.openapi.Operation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request the suite sends for an operation, and what kind of request it is (which decides what the response must
 * be). Parameter values are JSON values, written on the wire by each parameter's {@code style} and {@code explode}
 * ({@link dev.hookstub.openapi.ParameterCodec}); a value that must go out as given (a wrong type, say) is a string.
 *
 * @param method usually the operation's; another one for {@link Kind#UNDOCUMENTED_METHOD}
 * @param body   the body as sent, or null for none
 */
public record RequestCase(Operation operation, Kind kind, String description, String method,
                          Map<String, JsonNode> pathParams, Map<String, JsonNode> queryParams,
                          Map<String, JsonNode> headerParams, Map<String, JsonNode> cookieParams,
                          Credential credential, Body body) {

    public enum Kind {
        /** The spec's example record read (or its example body sent) with valid data: must be accepted. */
        EXAMPLE(true),
        /** Valid values generated from the schemas: must not be rejected (accepted, or 403/404 for a record not seen). */
        GENERATED(true),
        /** One value breaks the spec: must be a 4xx. */
        NEGATIVE(false),
        /** A required header parameter left out: must be a 4xx. */
        MISSING_HEADER(false),
        /** No credential at all: must be 401 or 403. */
        NO_CREDENTIAL(false),
        /** A credential the server cannot know: must be 401 or 403. */
        INVALID_CREDENTIAL(false),
        /** A method the spec does not document for the path: must be 405. */
        UNDOCUMENTED_METHOD(false),
        /** A GET of what a create returned: must be 2xx and the same record. */
        READ_BACK(true),
        /** A delete of what a create returned, on the way to {@link #AFTER_DELETE}. */
        DELETE(true),
        /** A GET of a record just deleted: must be 404 or 410. */
        AFTER_DELETE(true),
        /** A record the first credential read, read with another tenant's credential: must be 403 or 404. */
        OTHER_TENANT(true);

        private final boolean withinContract;

        Kind(boolean withinContract) {
            this.withinContract = withinContract;
        }

        /** Whether the spec covers this request, so that its declared statuses apply in full. */
        public boolean withinContract() {
            return withinContract;
        }
    }

    /** {@code SECOND}: the credential of another tenant. */
    public enum Credential { VALID, NONE, INVALID, SECOND }

    /** A body as sent: its Content-Type and its text. */
    public record Body(String contentType, String text) {
    }

    public RequestCase {
        pathParams = new LinkedHashMap<>(pathParams);
        queryParams = new LinkedHashMap<>(queryParams);
        headerParams = new LinkedHashMap<>(headerParams);
        cookieParams = new LinkedHashMap<>(cookieParams);
    }

    RequestCase as(Kind newKind, String newDescription, Credential newCredential) {
        return new RequestCase(operation, newKind, newDescription, method, pathParams, queryParams, headerParams,
                cookieParams, newCredential, body);
    }

    RequestCase withBody(Kind newKind, String newDescription, Body newBody) {
        return new RequestCase(operation, newKind, newDescription, method, pathParams, queryParams, headerParams,
                cookieParams, Credential.VALID, newBody);
    }

    /** The parameters of one location ({@code path}, {@code query}, {@code header} or {@code cookie}). */
    Map<String, JsonNode> params(String in) {
        return switch (in) {
            case "path" -> pathParams;
            case "query" -> queryParams;
            case "header" -> headerParams;
            case "cookie" -> cookieParams;
            default -> throw new IllegalArgumentException("no parameters in " + in);
        };
    }

    /** What makes two cases the same request, so generated duplicates are sent once. */
    String identity() {
        return method + " " + pathParams + " " + queryParams + " " + headerParams + " " + cookieParams + " "
                + credential + " " + (body == null ? "" : body.contentType() + " " + body.text());
    }
}
