package dev.hookstub.server.error;

import jakarta.ws.rs.core.MediaType;

/** How one API writes its error bodies: the shape its spec declares and the media type it uses. */
public interface ErrorFormat {

    /** JSON, unless the API's spec declares another type for its errors. */
    default MediaType mediaType() {
        return MediaType.APPLICATION_JSON_TYPE;
    }

    /** The body for a problem; a JSON-serialisable object in the API's own error model. */
    Object body(ApiProblem problem);

    /**
     * The status this API uses when a request parameter or body breaks the spec. A path parameter that does names
     * no record, in every API: 404; anything else is the API's {@link #invalidInputStatus()}.
     */
    default int validationStatus(ValidationTarget target) {
        return target == ValidationTarget.PATH_PARAMETER ? 404 : invalidInputStatus();
    }

    /** How the API answers a query parameter or body that breaks its spec: 400, or 422 where it says so. */
    default int invalidInputStatus() {
        return 400;
    }

    enum ValidationTarget { PATH_PARAMETER, QUERY_PARAMETER, BODY }
}
