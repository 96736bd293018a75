package dev.hookstub.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.error.ApiProblemMapper;
import dev.hookstub.server.error.ErrorFormat;
import dev.hookstub.server.operation.Answer;
import dev.hookstub.server.journal.ApiJournal;
import dev.hookstub.server.journal.RequestJournal;
import dev.hookstub.server.journal.RequestNotes;
import dev.hookstub.server.fault.ApiFaults;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.RequestExecutorProvider;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.server.util.MappingData;
import org.glassfish.grizzly.http.util.Header;

/**
 * The one handler Grizzly calls. It checks what every layer behind it would otherwise choke on (a malformed request
 * target or Host, a body on a method that takes none, CONNECT) and answers those with a 4xx in the error format of
 * the API the path names, then routes by context path. Grizzly's own router would decode the URL first and answer
 * a bad one with a bare 500. A request to one of the APIs meets that API's fault rules and {@code Prefer: code=}
 * ({@link FaultInjector}) before the API's handler, so that the fast path cannot bypass them.
 * <p>
 * It takes requests before the APIs are loaded: each API's route opens as soon as that API is, and a request no
 * open route takes waits for its route, or for every route to open (then it is the fallback's). Until every route
 * is open, requests run on threads of their own, so that one waiting holds up no other.
 */
public final class FrontDoor extends HttpHandler {

    /**
     * What browsers leave raw in a query and RFC 3986 does not allow there (the WHATWG URL standard encodes only
     * controls, space, '"', '#', '<' and '>'): a forwarded route takes them, and a URI cannot hold them.
     */
    public static final String RAW_IN_BROWSERS_QUERIES = "[]{}|\\^`";

    /**
     * The query with what browsers leave raw in it ({@link #RAW_IN_BROWSERS_QUERIES}) percent-encoded, as a URI holds
     * it; the same string when it holds none. It means the same to a form decoder: {@code a[b]=1} is {@code a[b]=1}.
     */
    public static String uriSafeQuery(String rawQuery) {
        StringBuilder safe = null;
        for (int i = 0; i < rawQuery.length(); i++) {
            char c = rawQuery.charAt(i);
            if (RAW_IN_BROWSERS_QUERIES.indexOf(c) >= 0) {
                if (safe == null) {
                    safe = new StringBuilder(rawQuery.length() + 8).append(rawQuery, 0, i);
                }
                safe.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            } else if (safe != null) {
                safe.append(c);
            }
        }
        return safe == null ? rawQuery : safe.toString();
    }

    /**
     * An API (or the admin API) mounted at a context path, with its error format, and the API's fault rules and
     * {@code Prefer} answers (null for the admin API).
     */
    public record Route(String contextPath, HttpHandler handler, ErrorFormat format, ApiFaults faults,
                        boolean apart, boolean forwards) {

        public Route(String contextPath, HttpHandler handler, ErrorFormat format, ApiFaults faults) {
            this(contextPath, handler, format, faults, false, false);
        }

        public Route(String contextPath, HttpHandler handler, ErrorFormat format) {
            this(contextPath, handler, format, null, false, false);
        }

        /**
         * The same route, its requests forwarded as they came (the proxy): a query may hold what browsers send raw
         * ({@link #RAW_IN_BROWSERS_QUERIES}: {@code deep[a]=3}, {@code a|b}), which the stub's own routes refuse and
         * an upstream may well take.
         */
        public Route forwarding() {
            return new Route(contextPath, handler, format, faults, apart, true);
        }

        /**
         * The same route, each request that would be served on the thread that read it served on a thread apart:
         * for answers that may be larger than the socket's buffers (the admin API's listings). Written on a thread
         * that reads connections, such an answer parked that thread in a blocking write until its client read, every
         * connection the thread served waited with it, and the write timeout cut the answer off after its 200.
         */
        public Route servedApart() {
            return new Route(contextPath, handler, format, faults, true, forwards);
        }
    }

    private static final ThreadLocal<MappingData> MAPPING = ThreadLocal.withInitial(MappingData::new);

    /** The routes open so far; an API's opens once it is loaded, while the server already answers the others. */
    private volatile RouteTable table = RouteTable.EMPTY;
    /** The context paths of the routes {@linkplain Route#servedApart served apart}. */
    private volatile String[] servedApart = new String[0];
    /** What no route takes; done once every route is open, and until then a request that no route takes waits. */
    private final CompletableFuture<HttpHandler> fallback = new CompletableFuture<>();
    /** The threads of the requests that arrive while the APIs load, made as needed; idle ones end after a minute. */
    private final ExecutorService startWaits = Executors.newCachedThreadPool(
            runnable -> new ApartThread(runnable, "hookstub-start-request"));
    /**
     * Where the requests of a route {@linkplain Route#servedApart served apart} go: a thread each, as their answers may
     * wait on their clients for long (a bounded pool would let a few slow readers hold up the rest).
     */
    private final ExecutorService apart = Executors.newCachedThreadPool(
            runnable -> new ApartThread(runnable, "hookstub-large-answer"));

    /** A thread of {@link #startWaits} or {@link #apart}, not one of the pools that read connections. */
    private static final class ApartThread extends Thread {

        ApartThread(Runnable runnable, String name) {
            super(runnable, name);
            setDaemon(true);
        }
    }
    /** Run once, after the first request is answered: taken by that request, so that no other runs it too. */
    private final AtomicReference<Runnable> afterFirstAnswer = new AtomicReference<>();
    private final ErrorFormat fallbackFormat;
    private final ObjectMapper mapper;
    private final RequestJournal journal;
    private final FaultInjector faults;
    private final RequestExecutorProvider executors = new RequestExecutorProvider() {
        private final RequestExecutorProvider workers = new RequestExecutorProvider.WorkerThreadProvider();

        @Override
        public Executor getExecutor(Request request) {
            // A request that cannot block (no body, or a body already read in full) is served on the thread that
            // read it; one whose body is still arriving goes to the worker pool, where waiting for it is harmless.
            if (!fallback.isDone()) {
                // While the APIs load, a request may wait for its route: on a thread of its own, not one that reads
                // requests (few, and each holding up every connection it reads) nor a worker (a bounded pool that
                // waiting requests could fill ahead of ones answered at once).
                return startWaits;
            }
            boolean cannotBlock = request.getMethod() == Method.GET || bodyInHand(request);
            if (cannotBlock && underRouteServedApart(request.getRequestURI())) {
                return apart;
            }
            if (Thread.currentThread() instanceof ApartThread) {
                // A connection served on a thread apart goes on reading there: hand it to the worker pool, or it
                // would keep that thread (and its core) for as long as it stays open.
                return workers.getExecutor(request);
            }
            return cannotBlock ? null : workers.getExecutor(request);
        }

        private boolean underRouteServedApart(String path) {
            for (String contextPath : servedApart) {
                if (path != null && path.startsWith(contextPath)) {
                    return true;
                }
            }
            return false;
        }

        private boolean bodyInHand(Request request) {
            long length = request.getContentLengthLong();
            return length > 0 && request.getHeader(Header.TransferEncoding) == null
                    && request.getInputBuffer().readyData() >= length;
        }
    };

    /**
     * @param fallbackFormat the error format of a request that no API's route takes
     * @param journal        records every request a route of an API takes, the refusals made here included
     */
    public FrontDoor(ErrorFormat fallbackFormat, ObjectMapper mapper, RequestJournal journal) {
        super("hookstub");
        this.journal = journal;
        this.fallbackFormat = fallbackFormat;
        this.mapper = mapper;
        this.faults = new FaultInjector(mapper);
        // The raw target is checked here; decoding it first is what makes Grizzly answer a bad one with a 500.
        setDecodeUrl(false);
    }

    /**
     * Answers the route's requests from now on.
     *
     * @param notTheRoutes paths under the route's context path that the fallback serves (its spec document)
     */
    public synchronized void open(Route route, Set<String> notTheRoutes) {
        Route guarded = new Route(route.contextPath(), new RouteGuard(route.handler(), route.format(), mapper),
                route.format(), route.faults(), route.apart(), route.forwards());
        guarded.handler().start();
        table = table.with(guarded, notTheRoutes);
        if (route.apart()) {
            String[] more = Arrays.copyOf(servedApart, servedApart.length + 1);
            more[servedApart.length] = route.contextPath();
            servedApart = more;
        }
        notifyAll();
    }

    /**
     * Every route is open: the fallback serves what none takes (and the paths the routes were opened without), and
     * no request waits any more.
     */
    public void complete(HttpHandler fallback) {
        fallback.start();
        this.fallback.complete(fallback);
        wakeWaiters();
    }

    private synchronized void wakeWaiters() {
        notifyAll();
    }

    /** The start failed: a request waiting for a route is refused (the server is closing). */
    public void fail(Throwable cause) {
        fallback.completeExceptionally(cause);
        wakeWaiters();
    }

    /** The error format of the API whose context path holds {@code path}: the fallback's where none does (yet). */
    ErrorFormat formatAt(String path) {
        Route route = table.route(path);
        return route == null ? fallbackFormat : route.format();
    }

    /** A refusal in the error format of the API whose context path holds {@code path}, for the HTTP layer's add-ons. */
    Answer refusalAt(String path, ApiProblem problem) {
        return Answer.refusal(formatAt(path), problem, mapper);
    }

    /** The same, for a request the HTTP codec parsed far enough to refuse: journaled with why, as the APIs' are. */
    Answer refusalAt(String path, ApiProblem problem, HttpRequestPacket request) {
        Route route = table.route(path);
        ApiJournal apiJournal = route == null ? null : journal.at(route.contextPath());
        if (apiJournal != null) {
            apiJournal.beginRefused(request, ApiProblemMapper.reason(problem));
        }
        return Answer.refusal(route == null ? fallbackFormat : route.format(), problem, mapper);
    }

    /** Runs once, after the front door has answered its first request. */
    public void afterFirstAnswer(Runnable action) {
        afterFirstAnswer.set(action);
    }

    @Override
    public RequestExecutorProvider getRequestExecutorProvider() {
        return executors;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        DateAtCommit.stamp(response);
        Runnable action = afterFirstAnswer.get() == null ? null : afterFirstAnswer.getAndSet(null);
        if (action != null) {
            // Once the answer is written, not before: what runs then would take the core the write needs.
            request.addAfterServiceListener(served -> action.run());
        }
        serve(request, response);
    }

    private void serve(Request request, Response response) throws Exception {
        String path = request.getRequestURI();
        Route route = table.route(path);
        if (route == null && !fallback.isDone()) {
            // An API still loading, or what no API takes: known once its route opens, or every route has.
            route = awaitRoute(path);
        }
        ErrorFormat format = route == null ? fallbackFormat : route.format();
        ApiJournal apiJournal = route == null ? null : journal.at(route.contextPath());
        if (apiJournal != null) {
            apiJournal.begin(request);
        }
        if (request.getMethod() == Method.OPTIONS && "*".equals(path)) {
            // RFC 9110 §9.3.7: the server as a whole; what it takes is every method of its APIs and the admin API's.
            response.setStatus(200);
            response.setHeader(Header.Allow, SERVER_METHODS);
            response.setContentLength(0);
            return;
        }
        boolean forwards = route != null && route.forwards();
        String query = request.getQueryString();
        if (!forwards && query != null) {
            // Browsers send a[b]=1 raw, and the providers take it; Jersey cannot make a URI of it. The journal has
            // the query as sent (it began above); the routes read it percent-encoded, which decodes the same.
            String safe = uriSafeQuery(query);
            if (!safe.equals(query)) {
                request.getRequest().setQueryString(safe);
            }
        }
        ApiProblem refused = refusal(request, path, forwards);
        if (refused != null) {
            RequestNotes.refusal(request, RequestNotes.reason("request", refused.field(), refused.detail()));
            // The connection may hold bytes the HTTP layer did not read (a body it ignored, a tunnel): close it.
            request.getRequest().getProcessingState().setKeepAlive(false);
            response.setHeader(Header.Connection, "close");
            GrizzlyAnswers.refuse(response, format, refused, mapper);
            if (request.getMethod() == Method.CONNECT) {
                // Grizzly answers CONNECT as the start of a tunnel, without a length: end it here.
                response.finish();
                request.getContext().getConnection().closeSilently();
            }
            return;
        }
        if (route == null) {
            if (fallback.isCompletedExceptionally()) {
                GrizzlyAnswers.refuse(response, format, new ApiProblem(503, "Service Unavailable",
                        "The stub could not start and is closing.", null), mapper);
                return;
            }
            fallback.join().service(request, response);
            return;
        }
        // updatePaths copies the strings out, so each thread's one MappingData serves all its requests (a new one
        // per request was 8 % of the bytes a create allocates).
        MappingData mapping = MAPPING.get();
        mapping.recycle();
        mapping.contextPath.setString(route.contextPath());
        mapping.wrapperPath.setString("");
        mapping.pathInfo.setString(path.substring(route.contextPath().length()));
        updatePaths(request, mapping);
        if (route.faults() == null) {
            route.handler().service(request, response);
        } else {
            faults.service(route, path.substring(route.contextPath().length()), request, response);
        }
    }

    @Override
    public void start() {
        // Each route and the fallback start as they open.
    }

    /** The path's route once it opens, or null once every route has (or the start has failed). */
    private synchronized Route awaitRoute(String path) throws InterruptedException {
        Route route = table.route(path);
        while (route == null && !fallback.isDone()) {
            wait();
            route = table.route(path);
        }
        return route;
    }

    @Override
    public void destroy() {
        table.routes().forEach(route -> route.handler().destroy());
        fallback.thenAccept(HttpHandler::destroy);
        faults.close();
        startWaits.shutdown();
        apart.shutdown();
    }

    /** Every method some route of the server takes, for {@code OPTIONS *}. */
    static final String SERVER_METHODS = "GET, HEAD, POST, DELETE, OPTIONS";

    private static ApiProblem refusal(Request request, String path, boolean forwarded) {
        if (request.getMethod() == Method.CONNECT) {
            return new ApiProblem(405, "Method Not Allowed", "CONNECT is not supported.", null);
        }
        if (!forwarded) {
            // Every path the stub serves itself, its health and spec documents and what no route takes included;
            // a forwarded request's size is the upstream's to judge.
            String query = request.getQueryString();
            if (path.length() + (query == null ? 0 : query.length() + 1) > RequestLimits.MAX_URI_BYTES) {
                return new ApiProblem(414, "URI Too Long",
                        "The request URL is longer than " + RequestLimits.MAX_URI_BYTES + " bytes.", null);
            }
            if (!RequestLimits.headersWithinLimit(request.getHeaderNames(), request::getHeaders)) {
                return new ApiProblem(431, "Request Header Fields Too Large",
                        "The request headers are larger than " + RequestLimits.MAX_HEADER_BYTES + " bytes.", null);
            }
        }
        String target = RequestTarget.problem(path, request.getQueryString(), forwarded);
        if (target != null) {
            return ApiProblem.invalid(400, null, target);
        }
        if (!RequestTarget.validHost(request.getHeader(Header.Host))) {
            return ApiProblem.invalid(400, null, "The Host header is malformed.");
        }
        // A body on a method that may not have one is not read by the HTTP layer: it would be parsed as the next
        // request on the connection (request smuggling). Refuse it, and close the connection.
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader(Header.TransferEncoding) != null;
        if (hasBody && request.getMethod().getPayloadExpectation() == Method.PayloadExpectation.NOT_ALLOWED) {
            return ApiProblem.invalid(400, null, request.getMethod() + " requests may not carry a body.");
        }
        return null;
    }
}
