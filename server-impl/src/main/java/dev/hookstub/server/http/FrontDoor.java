package dev.hookstub.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.error.ErrorFormat;
import dev.hookstub.server.journal.ApiJournal;
import dev.hookstub.server.journal.RequestJournal;
import dev.hookstub.server.journal.RequestNotes;
import dev.hookstub.server.fault.ApiFaults;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
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
 */
public final class FrontDoor extends HttpHandler {

    /**
     * An API (or the admin API) mounted at a context path, with its error format, and the API's fault rules and
     * {@code Prefer} answers (null for the admin API).
     */
    public record Route(String contextPath, HttpHandler handler, ErrorFormat format, ApiFaults faults) {

        public Route(String contextPath, HttpHandler handler, ErrorFormat format) {
            this(contextPath, handler, format, null);
        }
    }

    private static final ThreadLocal<MappingData> MAPPING = ThreadLocal.withInitial(MappingData::new);

    private final List<Route> routes;
    private final HttpHandler fallback;
    private final java.util.Set<String> fallbackPaths;
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
            return request.getMethod() == Method.GET || bodyInHand(request) ? null : workers.getExecutor(request);
        }

        private boolean bodyInHand(Request request) {
            long length = request.getContentLengthLong();
            return length > 0 && request.getHeader(Header.TransferEncoding) == null
                    && request.getInputBuffer().readyData() >= length;
        }
    };

    /**
     * @param fallback      serves what no route takes, and the exact {@code fallbackPaths} even under a route's
     *                      context path (the specs: {@code /mollie/openapi.json})
     * @param journal       records every request a route of an API takes, the refusals made here included
     */
    public FrontDoor(List<Route> routes, HttpHandler fallback, java.util.Set<String> fallbackPaths,
                     ErrorFormat fallbackFormat, ObjectMapper mapper, RequestJournal journal) {
        super("hookstub");
        this.journal = journal;
        this.fallbackPaths = java.util.Set.copyOf(fallbackPaths);
        this.routes = routes.stream().sorted(Comparator.comparingInt((Route r) -> r.contextPath().length()).reversed())
                .map(r -> new Route(r.contextPath(), new StoreFailureGuard(r.handler(), r.format(), mapper), r.format(),
                        r.faults()))
                .toList();
        this.fallback = fallback;
        this.fallbackFormat = fallbackFormat;
        this.mapper = mapper;
        this.faults = new FaultInjector(mapper);
        // The raw target is checked here; decoding it first is what makes Grizzly answer a bad one with a 500.
        setDecodeUrl(false);
    }

    @Override
    public RequestExecutorProvider getRequestExecutorProvider() {
        return executors;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        String path = request.getRequestURI();
        Route route = route(path);
        ErrorFormat format = route == null ? fallbackFormat : route.format();
        ApiJournal apiJournal = route == null ? null : journal.at(route.contextPath());
        if (apiJournal != null) {
            apiJournal.begin(request);
        }
        ApiProblem refused = refusal(request, path);
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
            fallback.service(request, response);
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
        routes.forEach(route -> route.handler().start());
        fallback.start();
    }

    @Override
    public void destroy() {
        routes.forEach(route -> route.handler().destroy());
        fallback.destroy();
        faults.close();
    }

    private Route route(String path) {
        if (path == null) {
            return null;
        }
        for (Route route : routes) {
            String context = route.contextPath();
            if (path.startsWith(context) && (path.length() == context.length() || path.charAt(context.length()) == '/')
                    && !fallbackPaths.contains(path)) {
                return route;
            }
        }
        return null;
    }

    private static ApiProblem refusal(Request request, String path) {
        if (request.getMethod() == Method.CONNECT) {
            return new ApiProblem(405, "Method Not Allowed", "CONNECT is not supported.", null);
        }
        String target = RequestTarget.problem(path, request.getQueryString());
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
