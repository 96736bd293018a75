package dev.hookstub.server.error;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code {"message": "...", "field": "..."}}: the stub's own error format, for the admin API and for paths that
 * belong to no API.
 */
public final class MessageErrorFormat implements ErrorFormat {

    @Override
    public Object body(ApiProblem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", problem.detail());
        if (problem.field() != null) {
            body.put("field", problem.field());
        }
        return body;
    }
}
