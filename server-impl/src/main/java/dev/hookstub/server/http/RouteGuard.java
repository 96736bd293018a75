package dev.hookstub.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.error.ErrorFormat;
import dev.hookstub.server.error.StoreExceptionMapper;
import dev.hookstub.server.error.UnexpectedExceptionMapper;
import dev.hookstub.server.store.StoreException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * The last line of a route's handler outside Jersey (the fast path, the proxy), as Jersey's exception mappers are
 * inside: a store that failed is the API's 503 ({@link StoreExceptionMapper}'s), and anything else unexpected is
 * logged for us and answered as a 500 in the API's own format without internals
 * ({@link UnexpectedExceptionMapper}'s), never Grizzly's page, which shows the stack trace. Every caller of a route's
 * handler (the front door, a delayed fault) goes through it.
 */
final class RouteGuard extends HttpHandler {

    private static final Logger LOG = Logger.getLogger(RouteGuard.class.getName());

    private final HttpHandler handler;
    private final ErrorFormat format;
    private final ObjectMapper mapper;

    RouteGuard(HttpHandler handler, ErrorFormat format, ObjectMapper mapper) {
        super("guard+" + handler.getName());
        this.handler = handler;
        this.format = format;
        this.mapper = mapper;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        try {
            handler.service(request, response);
        } catch (StoreException failed) {
            GrizzlyAnswers.refuse(response, format, StoreExceptionMapper.problem(failed, request.getMethod().getMethodString()), mapper);
        } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError unexpected) {
            // Not every Error: one the JVM cannot go on after (out of memory) is not this request's to answer.
            LOG.log(Level.SEVERE, "Unexpected failure while serving a request", unexpected);
            if (response.isCommitted()) {
                // Part of the answer is out: only closing says it is not whole.
                request.getRequest().getProcessingState().setKeepAlive(false);
                return;
            }
            response.reset();
            GrizzlyAnswers.refuse(response, format, UnexpectedExceptionMapper.problem(), mapper);
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
