package dev.hookstub.server.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Writes every {@link ApiProblem} in the error format of the API whose application registered this mapper. */
public final class ApiProblemMapper implements ExceptionMapper<ApiProblem> {

    private final ErrorFormat format;

    public ApiProblemMapper(ErrorFormat format) {
        this.format = format;
    }

    @Override
    public Response toResponse(ApiProblem problem) {
        return render(format, problem);
    }

    static Response render(ErrorFormat format, ApiProblem problem) {
        // A reason phrase of our own: Grizzly knows none for 422 and would send an empty one.
        Response.ResponseBuilder response = Response.status(problem.status(), ApiProblem.reasonPhrase(problem.status()))
                .type(format.mediaType())
                .entity(format.body(problem));
        problem.headers().forEach(response::header);
        return response.build();
    }
}
