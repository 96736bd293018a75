package dev.hookstub.server.error;

import dev.hookstub.server.store.StoreException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The database failed (disk full, folder gone): the change did not happen, and the client may retry. */
public final class StoreExceptionMapper implements ExceptionMapper<StoreException> {

    private static final Logger LOG = Logger.getLogger(StoreExceptionMapper.class.getName());

    private final ErrorFormat format;
    @jakarta.ws.rs.core.Context
    private jakarta.inject.Provider<jakarta.ws.rs.container.ContainerRequestContext> request;

    public StoreExceptionMapper(ErrorFormat format) {
        this.format = format;
    }

    @Override
    public Response toResponse(StoreException exception) {
        return ApiProblemMapper.render(format, problem(exception), request);
    }

    /** The answer to a failed store, logged; also what the fast path answers, which Jersey's mappers never see. */
    public static ApiProblem problem(StoreException exception) {
        LOG.log(Level.SEVERE, exception.getMessage(), exception.getCause());
        return new ApiProblem(503, "Service Unavailable",
                "The stub could not store the change; nothing was changed. Try again.", null,
                java.util.Map.of("Retry-After", "1"));
    }
}
