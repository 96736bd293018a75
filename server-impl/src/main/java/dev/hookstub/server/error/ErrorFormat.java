package dev.hookstub.server.error;

import jakarta.ws.rs.core.MediaType;

/** How one API writes its error bodies: the shape its spec declares and the media type it uses. */
public interface ErrorFormat {

    MediaType mediaType();

    /** The body for a problem; a JSON-serialisable object in the API's own error model. */
    Object body(ApiProblem problem);

    /** The status this API uses when a request parameter or body breaks the spec. */
    int validationStatus(ValidationTarget target);

    enum ValidationTarget { PATH_PARAMETER, QUERY_PARAMETER, BODY }
}
