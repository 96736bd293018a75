package dev.hookstub.conformance.checks;

import dev.hookstub.openapi.Operation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request the suite sends for an operation, and what kind of request it is (which decides what the response must
 * be).
 *
 * @param method     usually the operation's; another one for {@link Kind#UNDOCUMENTED_METHOD}
 * @param pathParams values already in wire form (strings), not yet URL-encoded
 * @param body       the body text as sent, or null for none
 */
public record RequestCase(Operation operation, Kind kind, String description, String method,
                          Map<String, String> pathParams, Map<String, String> queryParams, Credential credential,
                          String body) {

    public enum Kind {
        /** The spec's example record read (or its example body sent) with valid data: must be 2xx. */
        EXAMPLE(true),
        /** Valid values generated from the schemas: must not be rejected (2xx, or 403/404 for a record not seen). */
        GENERATED(true),
        /** One value breaks the spec: must be a 4xx. */
        NEGATIVE(false),
        /** No credential at all: must be 401 or 403. */
        NO_CREDENTIAL(false),
        /** A credential the server cannot know: must be 401 or 403. */
        INVALID_CREDENTIAL(false),
        /** A method the spec does not document for the path: must be 405. */
        UNDOCUMENTED_METHOD(false),
        /** A GET of what a create returned: must be 2xx and the same record. */
        READ_BACK(true),
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

    public RequestCase {
        pathParams = new LinkedHashMap<>(pathParams);
        queryParams = new LinkedHashMap<>(queryParams);
    }

    RequestCase as(Kind newKind, String newDescription, Credential newCredential) {
        return new RequestCase(operation, newKind, newDescription, method, pathParams, queryParams, newCredential, body);
    }

    /** What makes two cases the same request, so generated duplicates are sent once. */
    String identity() {
        return method + " " + pathParams + " " + queryParams + " " + credential + " " + body;
    }
}
