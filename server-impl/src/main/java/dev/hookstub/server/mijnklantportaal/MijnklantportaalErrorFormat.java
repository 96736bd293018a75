package dev.hookstub.server.mijnklantportaal;

import dev.hookstub.api.mijnklantportaal.model.MijnklantportaalErrorApiError;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.error.ErrorFormat;

/** MijnKlantportaal's {@code Error_ApiError}: {@code {"message": "..."}}; input errors are 422s. */
final class MijnklantportaalErrorFormat implements ErrorFormat {

    @Override
    public Object body(ApiProblem problem) {
        return new MijnklantportaalErrorApiError().message(problem.detail());
    }

    @Override
    public int invalidInputStatus() {
        return 422;
    }
}
