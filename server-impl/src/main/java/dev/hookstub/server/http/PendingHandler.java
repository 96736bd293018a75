package dev.hookstub.server.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * A handler still being built (a Jersey application takes a few hundred milliseconds to initialise). The stub
 * listens, and its fast carrier answers, while the applications start; a request that needs one waits for it.
 */
public final class PendingHandler extends HttpHandler {

    private final CompletableFuture<HttpHandler> handler;

    public PendingHandler(CompletableFuture<HttpHandler> handler) {
        this.handler = handler;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
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
