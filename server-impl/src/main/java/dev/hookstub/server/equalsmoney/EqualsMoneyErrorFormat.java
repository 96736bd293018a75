package dev.hookstub.server.equalsmoney;

import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.error.ErrorFormat;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Equals Money's spec declares no error body; the stub answers {@code {"message": "..."}} (plus {@code field} when
 * one parameter caused it). A webhookId that is not a UUID cannot name a webhook, so it is a 404.
 */
final class EqualsMoneyErrorFormat implements ErrorFormat {

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
