package dev.hookstub.server.http;

import java.util.concurrent.Executor;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.RequestExecutorProvider;
import org.glassfish.grizzly.http.server.Response;

/**
 * Puts an API's {@link FastReads} in front of its Jersey application. GETs carry no body and the fast path never
 * blocks, so they are served on the thread that read them; every other request goes to the worker pool first,
 * where Jersey may block reading a body.
 */
public final class FastPathHandler extends HttpHandler {

    private final HttpHandler jersey;
    private final FastReads fastReads;
    private final java.util.concurrent.atomic.LongAdder served = new java.util.concurrent.atomic.LongAdder();
    private final RequestExecutorProvider executors = new RequestExecutorProvider() {
        private final RequestExecutorProvider workers = new RequestExecutorProvider.WorkerThreadProvider();

        @Override
        public Executor getExecutor(Request request) {
            return request.getMethod() == Method.GET ? null : workers.getExecutor(request);
        }
    };

    public FastPathHandler(HttpHandler jersey, FastReads fastReads) {
        super("fast-path+" + jersey.getName());
        this.jersey = jersey;
        this.fastReads = fastReads;
    }

    @Override
    public RequestExecutorProvider getRequestExecutorProvider() {
        return executors;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        if (request.getMethod() == Method.GET && fastReads.tryServe(request, response)) {
            served.increment();
        } else {
            jersey.service(request, response);
        }
    }

    /** How many requests the fast path answered, so tests can tell that it is in use. */
    public long served() {
        return served.sum();
    }

    @Override
    public void start() {
        jersey.start();
    }

    @Override
    public void destroy() {
        jersey.destroy();
    }
}
