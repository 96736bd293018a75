package dev.hookstub.server.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: a bug in the stub is logged for us and answered in the API's format without internals,
 * so a client never sees a stack trace or a class name.
 */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());
    /** What a client is told of a failure of the stub's own: that it failed, nothing of how. */
    public static ApiProblem problem() {
        return new ApiProblem(500, "Internal Server Error", "The stub server failed to answer this request.", null);
    }

    private final ErrorFormat format;
    @jakarta.ws.rs.core.Context
    private jakarta.inject.Provider<jakarta.ws.rs.container.ContainerRequestContext> request;

    public UnexpectedExceptionMapper(ErrorFormat format) {
        this.format = format;
    }

    @Override
    public Response toResponse(Throwable exception) {
        LOG.log(Level.SEVERE, "Unexpected failure while serving a request", exception);
        return ApiProblemMapper.render(format, problem(), request);
    }
}
