package dev.hookstub.server.fault;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.server.error.ApiProblem;

/** The answer a {@code Prefer: code=NNN} header chose: a documented example, or a problem in the API's format. */
public sealed interface PreferredResponse {

    /** The spec's example for the status, with its documented media type; a null body: the status alone. */
    record Example(int status, String mediaType, JsonNode body) implements PreferredResponse {
    }

    /**
     * A documented error status without an example, answered in the API's error format; or a 400 for a status the
     * operation does not document.
     */
    record Problem(ApiProblem problem) implements PreferredResponse {
    }
}
