package dev.hookstub.server.mijnklantportaal;

import dev.hookstub.api.mijnklantportaal.model.MijnklantportaalErrorApiError;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.error.ErrorFormat;
import jakarta.ws.rs.core.MediaType;

/** MijnKlantportaal's {@code Error_ApiError}: {@code {"message": "..."}}; input errors are 422s. */
final class MijnklantportaalErrorFormat implements ErrorFormat {

    @Override
    public MediaType mediaType() {
        return MediaType.APPLICATION_JSON_TYPE;
    }

    @Override
    public Object body(ApiProblem problem) {
        return new MijnklantportaalErrorApiError().message(problem.detail());
    }

    @Override
    public int validationStatus(ValidationTarget target) {
        return target == ValidationTarget.PATH_PARAMETER ? 404 : 422;
    }
}
