package dev.hookstub.server.error;

import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 7807 problem details ({@code application/problem+json}: type, title, status, detail, and the field that caused
 * it as an extension member), for an API whose error format the stub does not know: a document {@code hookstub
 * proxy} forwards, as Prism's proxy answers with {@code --errors}.
 */
public final class ProblemDetailsErrorFormat implements ErrorFormat {

    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

    @Override
    public MediaType mediaType() {
        return PROBLEM_JSON;
    }

    @Override
    public Object body(ApiProblem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        if (problem.field() != null) {
            body.put("field", problem.field());
        }
        return body;
    }

    /** A document's own rule is unknown: a parameter or body that breaks it is a plain 400. */
    @Override
    public int validationStatus(ValidationTarget target) {
        return 400;
    }
}
