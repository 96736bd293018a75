package dev.hookstub.server.fastpath;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.openapi.PathTemplate;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.error.ErrorFormat;
import dev.hookstub.server.http.GrizzlyAnswers;
import dev.hookstub.server.http.RequestLimits;
import dev.hookstub.server.journal.RequestNotes;
import dev.hookstub.server.operation.ApiOperations;
import dev.hookstub.server.operation.OperationRequest;
import dev.hookstub.server.operation.RequestUrl;
import dev.hookstub.server.validation.SpecRequestValidator;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * The fast path of one API's operations: on Grizzly's I/O thread, without Jersey, it runs the same definition
 * the Jersey resource runs (the API's {@link ApiOperations}: authentication, the spec's rules, the operation, its
 * rendering, refusals in the API's error format) for a plain request, and hands everything else to the Jersey
 * application behind it. Plain is what Jersey and the fast path read alike: a path that is exactly one of the spec's templates
 * with plain values, a plain query, a Host header a URL is built from, headers within the limit, a caller the API's
 * authentication accepts, and for a body exactly {@code application/json} with a length within the limit. Jersey
 * answers the rest, every refusal of authentication and of the spec's parameter rules included, so those have one
 * way in only: Jersey.
 */
public final class FastPath extends HttpHandler {

    /** One operation as the fast path matches it. */
    private record Route(String method, PathTemplate path, String operationId, String template, boolean hasBody) {
    }

    private final HttpHandler jersey;
    private final ApiOperations<?> operations;
    private final SpecRequestValidator validator;
    private final ErrorFormat errors;
    private final ObjectMapper mapper;
    private final List<Route> routes;
    private final LongAdder served = new LongAdder();

    public FastPath(HttpHandler jersey, ApiOperations<?> operations,
                       SpecRequestValidator validator, ErrorFormat errors, ObjectMapper mapper) {
        super("fast-path+" + jersey.getName());
        this.jersey = jersey;
        this.operations = operations;
        this.validator = validator;
        this.errors = errors;
        this.mapper = mapper;
        this.routes = operations.all().stream()
                .map(bound -> new Route(bound.spec().httpMethod(),
                        PathTemplate.compile(bound.spec().pathTemplate()), bound.spec().label(),
                        bound.spec().pathTemplate(),
                        validator.hasBody(bound.spec().httpMethod(), bound.spec().pathTemplate())))
                .toList();
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        if (carried(request, response)) {
            served.increment();
        } else {
            jersey.service(request, response);
        }
    }

    /** Answers a plain request and returns true, or touches nothing and returns false. */
    private boolean carried(Request request, Response response) throws IOException {
        String host = request.getHeader("Host");
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        if (!RequestUrl.usableHost(host) || !uri.startsWith(context)) {
            return false;
        }
        String method = request.getMethod().getMethodString();
        String path = uri.substring(context.length());
        for (Route route : routes) {
            Map<String, String> parameters = route.method().equals(method)
                    ? PlainRequest.pathParameters(route.path(), path) : null;
            if (parameters != null) {
                return carried(route, parameters, host, request, response);
            }
        }
        return false;
    }

    private boolean carried(Route route, Map<String, String> parameters, String host, Request request,
                            Response response) throws IOException {
        Map<String, String> query = PlainRequest.query(request.getQueryString());
        Object caller = query == null ? null : operations.authentication()
                .accepted(request.getHeader(operations.authentication().header()));
        // The spec's parameter rules are asked of operations without a body only; one with a body is carried
        // when it has no parameters to judge.
        if (caller == null || (route.hasBody() ? !plainBody(request) || !parameters.isEmpty() || !query.isEmpty()
                : !validator.accepts(route.method(), route.template(), parameters, query))) {
            return false;
        }
        try {
            byte[] body = route.hasBody() ? body(request, route) : null;
            OperationRequest operationRequest = new GrizzlyOperationRequest(request, host, parameters, query, body,
                    mapper, errors);
            GrizzlyAnswers.write(response, operations.answer(route.operationId(), caller, operationRequest));
        } catch (ApiProblem refused) {
            GrizzlyAnswers.refuse(response, errors, refused, mapper);
        }
        return true;
    }

    /** Reads and checks the body as the validation filter does, noting it (and any refusal) for the journal. */
    private byte[] body(Request request, Route route) {
        byte[] body;
        try {
            body = request.getInputStream().readNBytes((int) request.getContentLengthLong());
        } catch (IOException stalled) {
            throw RequestLimits.bodyIncomplete();
        }
        RequestNotes.body(request, body);
        try {
            validator.validateBody(route.method(), route.template(), body);
        } catch (ApiProblem invalid) {
            RequestNotes.refusal(request, SpecRequestValidator.refusalReason(invalid));
            throw invalid;
        }
        return body;
    }

    /** Exactly one Content-Type, exactly application/json, and a length within the limit, not chunked. */
    private static boolean plainBody(Request request) {
        Iterator<String> types = request.getHeaders("Content-Type").iterator();
        long length = request.getContentLengthLong();
        return types.hasNext() && "application/json".equals(types.next()) && !types.hasNext()
                && request.getHeader("Transfer-Encoding") == null && request.getHeader("Content-Encoding") == null
                && length > 0 && length <= RequestLimits.MAX_BODY_BYTES;
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
