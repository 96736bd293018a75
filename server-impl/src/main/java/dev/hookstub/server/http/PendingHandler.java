package dev.hookstub.server.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * A handler still being built (a Jersey application takes a few hundred milliseconds to initialise). The stub
 * listens, and its fast path answers, while the applications are built; a request that needs one asks for the
 * build to begin, if it has not, and is served once it is done.
 */
public final class PendingHandler extends HttpHandler {

    private final CompletableFuture<HttpHandler> handler;
    /** Asks for the build to begin now, if it has not (it may wait for the server's first answer otherwise). */
    private final Runnable demand;

    public PendingHandler(CompletableFuture<HttpHandler> handler, Runnable demand) {
        this.handler = handler;
        this.demand = demand;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        if (!handler.isDone()) {
            demand.run();
        }
        ready().service(request, response);
    }

    /** Waits until the handler is built; a failure to build it surfaces here as it was thrown. */
    public HttpHandler ready() throws Exception {
        try {
            return handler.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @Override
    public void destroy() {
        handler.thenAccept(HttpHandler::destroy);
    }
}
