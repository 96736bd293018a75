package dev.hookstub.server.http;

import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/** Puts an API's {@link FastReads} in front of its Jersey application; {@link FrontDoor} picks the thread. */
public final class FastPathHandler extends HttpHandler {

    private final HttpHandler jersey;
    private final FastReads fastReads;
    private final java.util.concurrent.atomic.LongAdder served = new java.util.concurrent.atomic.LongAdder();
    public FastPathHandler(HttpHandler jersey, FastReads fastReads) {
        super("fast-path+" + jersey.getName());
        this.jersey = jersey;
        this.fastReads = fastReads;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        if (fastReads.tryServe(request, response)) {
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
