package dev.hookstub.server.admin;

import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.error.ErrorFormat;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/** The admin API's errors: {@code {"message": "...", "field": "..."}}, as its own spec declares. */
final class AdminErrorFormat implements ErrorFormat {

    @Override
    public MediaType mediaType() {
        return MediaType.APPLICATION_JSON_TYPE;
    }

    @Override
    public Object body(ApiProblem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", problem.detail());
        if (problem.field() != null) {
            body.put("field", problem.field());
        }
        return body;
    }

    @Override
    public int validationStatus(ValidationTarget target) {
        return target == ValidationTarget.PATH_PARAMETER ? 404 : 400;
    }
}
