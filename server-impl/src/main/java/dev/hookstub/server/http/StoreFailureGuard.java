package dev.hookstub.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.error.ErrorFormat;
import dev.hookstub.server.error.StoreExceptionMapper;
import dev.hookstub.server.store.StoreException;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Answers a store that failed under a route's handler outside Jersey (the fast path reads the store on Grizzly's
 * thread) exactly as Jersey's {@link StoreExceptionMapper} answers it inside: a 503 in the API's own format. Every
 * caller of a route's handler (the front door, a delayed fault) goes through it, so none can turn it into a 500.
 */
final class StoreFailureGuard extends HttpHandler {

    private final HttpHandler handler;
    private final ErrorFormat format;
    private final ObjectMapper mapper;

    StoreFailureGuard(HttpHandler handler, ErrorFormat format, ObjectMapper mapper) {
        super("store-guard+" + handler.getName());
        this.handler = handler;
        this.format = format;
        this.mapper = mapper;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        try {
            handler.service(request, response);
        } catch (StoreException failed) {
            GrizzlyAnswers.refuse(response, format, StoreExceptionMapper.problem(failed), mapper);
        }
    }

    @Override
    public void start() {
        handler.start();
    }

    @Override
    public void destroy() {
        handler.destroy();
    }
}
