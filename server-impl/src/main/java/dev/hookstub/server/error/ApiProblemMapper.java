package dev.hookstub.server.error;

import dev.hookstub.server.journal.RequestNotes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Writes every {@link ApiProblem} in the error format of the API whose application registered this mapper. */
public final class ApiProblemMapper implements ExceptionMapper<ApiProblem> {

    private final ErrorFormat format;

    /** The request being refused, for the journal's note of why; request-scoped, so read through a provider. */
    @Context
    private jakarta.inject.Provider<ContainerRequestContext> request;

    public ApiProblemMapper(ErrorFormat format) {
        this.format = format;
    }

    @Override
    public Response toResponse(ApiProblem problem) {
        return render(format, problem, request);
    }

    /**
     * Why a problem refused its request, for the journal when no rule said more: its status's reason phrase, its
     * field and its detail ({@code not found: No webhook with id 9.}).
     */
    public static String reason(ApiProblem problem) {
        return RequestNotes.reason(ApiProblem.reasonPhrase(problem.status()).toLowerCase(java.util.Locale.ROOT),
                problem.field(), problem.detail());
    }

    /**
     * Renders a problem and notes it for the journal; every mapper answers through here. The request is null only
     * where a mapper is called outside Jersey (its unit tests).
     */
    static Response render(ErrorFormat format, ApiProblem problem,
                           jakarta.inject.Provider<ContainerRequestContext> request) {
        if (request != null) {
            RequestNotes.refusal(request.get(), reason(problem));
        }
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
