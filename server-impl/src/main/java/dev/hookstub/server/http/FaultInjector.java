package dev.hookstub.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.fault.ApiFaults;
import dev.hookstub.server.fault.FaultEffect;
import dev.hookstub.server.fault.FaultRule;
import dev.hookstub.server.fault.PreferredResponse;
import dev.hookstub.server.operation.Answer;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.nio.NIOConnection;

/**
 * Carries out, on the wire, what an API's {@link ApiFaults} chose for a request: a delay (the response is
 * suspended and the request resumed by a timer, so no selector or worker thread waits), a status in the API's
 * error format, a broken connection, or a {@code Prefer: code=} answer. {@link FrontDoor} calls it after its own
 * refusals and before the route's handler, so a rule holds for the fast path and for Jersey alike.
 */
final class FaultInjector implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FaultInjector.class.getName());
    /** WireMock's garbage for a malformed chunk: no chunk-size line can start with it. */
    private static final byte[] MALFORMED_CHUNK = ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "lskdu018973t09sylgasjkfg1][]'./.sdlv").getBytes(StandardCharsets.US_ASCII);

    private final ObjectMapper mapper;
    private final ScheduledExecutorService timer;

    FaultInjector(ObjectMapper mapper) {
        this.mapper = mapper;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "hookstub-fault-delays");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.timer = executor;
    }

    /** Serves a request to an API, as its faults and the request's {@code Prefer} header say. */
    void service(FrontDoor.Route route, String path, Request request, Response response) throws Exception {
        String method = request.getMethod().getMethodString();
        FaultRule rule = route.faults().applicable(method, path, request::getHeader);
        if (rule == null) {
            serve(route, method, path, request, response);
            return;
        }
        FaultEffect effect = rule.effect();
        if (effect instanceof FaultEffect.Delay) {
            delay(rule.delayMillis(), route, method, path, request, response);
        } else if (effect instanceof FaultEffect.Status status) {
            GrizzlyAnswers.refuse(response, route.format(), status.problem(), mapper);
        } else {
            fail(((FaultEffect.Failure) effect).kind(), request, response);
        }
    }

    /** What the request gets with no fault: the answer its {@code Prefer} header chose, else the route's. */
    private void serve(FrontDoor.Route route, String method, String path, Request request, Response response)
            throws Exception {
        PreferredResponse chosen = route.faults().preferred(method, path, request.getHeader("Prefer"));
        if (chosen == null) {
            route.handler().service(request, response);
        } else if (chosen instanceof PreferredResponse.Problem problem) {
            GrizzlyAnswers.refuse(response, route.format(), problem.problem(), mapper);
        } else {
            PreferredResponse.Example example = (PreferredResponse.Example) chosen;
            if (example.body() == null) {
                response.setStatus(example.status());
                response.setContentLength(0);
            } else {
                GrizzlyAnswers.write(response, Answer.of(example.status(), example.mediaType(),
                        Answer.json(mapper, example.body())));
            }
        }
    }

    private void delay(long millis, FrontDoor.Route route, String method, String path, Request request,
                       Response response) {
        response.suspend();
        Executor workers = workers(request);
        timer.schedule(() -> workers.execute(() -> {
            try {
                serve(route, method, path, request, response);
            } catch (Exception e) {
                if (!request.getContext().getConnection().isOpen()) {
                    // The client gave up before the delay ended (a proxy's or a test's timeout): what the fault is
                    // for, not a failure, and nobody is left to answer.
                    LOG.fine(() -> "The client of a delayed " + method + " " + path + " left before its answer: " + e);
                    return;
                }
                LOG.log(Level.WARNING, "A delayed request failed", e);
                if (!response.isCommitted()) {
                    response.reset();
                    response.setStatus(500);
                    response.setContentLength(0);
                }
            } finally {
                // Jersey resumes the response when it commits; a handler that answered itself (the fast path,
                // a Prefer answer) leaves that to us.
                if (response.isSuspended()) {
                    response.resume();
                }
            }
        }), millis, TimeUnit.MILLISECONDS);
    }

    /** The worker pool, so that the resumed request (which may read a body, or wait for Jersey) blocks no timer. */
    private static Executor workers(Request request) {
        Executor pool = request.getContext().getConnection().getTransport().getWorkerThreadPool();
        return pool != null ? pool : Runnable::run;
    }

    private static void fail(FaultEffect.Failure.Kind kind, Request request, Response response) throws IOException {
        request.getRequest().getProcessingState().setKeepAlive(false);
        Connection<?> connection = request.getContext().getConnection();
        SocketChannel channel = (SocketChannel) ((NIOConnection) connection).getChannel();
        try {
            switch (kind) {
                // With a zero linger time, closing sends a TCP RST instead of a FIN.
                case CONNECTION_RESET_BY_PEER -> channel.setOption(StandardSocketOptions.SO_LINGER, 0);
                case EMPTY_RESPONSE -> {
                }
                case MALFORMED_RESPONSE_CHUNK -> {
                    // Written past Grizzly's HTTP encoder, which would frame the garbage as a valid chunk; the
                    // socket's send buffer takes these few bytes at once, and the close below still sends them.
                    ByteBuffer bytes = ByteBuffer.wrap(MALFORMED_CHUNK);
                    for (int tries = 0; bytes.hasRemaining() && tries < 1000; tries++) {
                        channel.write(bytes);
                    }
                }
            }
        } finally {
            // At once, not gracefully: the answer Grizzly finishes the exchange with when this returns must not
            // reach the client (a graceful close would flush it first). Not suspending the response lets Grizzly
            // end the exchange as usual, or it would count as in flight, and be waited for at shutdown.
            connection.terminateSilently();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
