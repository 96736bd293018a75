package dev.hookstub.server.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** A body the JSON provider could not read is the client's error, in the API's body-validation status. */
public final class JsonProcessingExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    private final ErrorFormat format;
    @jakarta.ws.rs.core.Context
    private jakarta.inject.Provider<jakarta.ws.rs.container.ContainerRequestContext> request;

    public JsonProcessingExceptionMapper(ErrorFormat format) {
        this.format = format;
    }

    @Override
    public Response toResponse(JsonProcessingException exception) {
        return ApiProblemMapper.render(format, problem(format), request);
    }

    /** The refusal of a body that cannot be bound to the operation's request model, whoever binds it. */
    public static ApiProblem problem(ErrorFormat format) {
        return ApiProblem.invalid(format.validationStatus(ErrorFormat.ValidationTarget.BODY), null,
                "The request body is not valid JSON for this operation.");
    }
}
