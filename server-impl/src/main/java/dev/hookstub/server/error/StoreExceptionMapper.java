package dev.hookstub.server.error;

import dev.hookstub.server.store.StoreException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The database failed (disk full, folder gone, the server down): nothing changed, and the client may retry. */
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
        // No request outside Jersey (a test's mapper): what failed is then taken for a change.
        String method = request == null ? "POST" : request.get().getMethod();
        return ApiProblemMapper.render(format, problem(exception, method), request);
    }

    /**
     * The answer to a failed store, logged; also what the fast path answers, which Jersey's mappers never see. A
     * read changes nothing, and is told so: "could not store the change" sent a reader looking for a change.
     */
    public static ApiProblem problem(StoreException exception, String method) {
        LOG.log(Level.SEVERE, exception.getMessage(), exception.getCause());
        boolean read = method.equals("GET") || method.equals("HEAD");
        return new ApiProblem(503, "Service Unavailable", read ? "The stub could not read its store. Try again."
                : "The stub could not store the change; nothing was changed. Try again.", null,
                java.util.Map.of("Retry-After", "1"));
    }
}
