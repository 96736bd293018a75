package dev.hookstub.conformance.spec;

import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.Operation;
import dev.hookstub.openapi.ResponseValidator;
import dev.hookstub.openapi.Violation;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * REST-assured filter that fails a test as soon as a response breaks the spec of the operation
 * that was called.
 *
 * <p>The operation is found from the request method and path. A request to a path (or method) the
 * spec does not declare is one the server must refuse: its answer has to be a 4xx (404 for an
 * unknown path, 404 or 405 for an unknown method, 400 for a target it cannot read), never a
 * success and never a server error. Its body is not checked: the spec says nothing of it. A test
 * that wants such a response checked against a particular operation calls {@link #assertConforms}.
 *
 * <p>Every validated response is also told to the {@link ResponseObserver}, if one is given (a coverage gate).
 */
public final class SpecValidationFilter implements Filter {

    private final OpenApiSpec spec;
    private final String pathsPrefix;
    private final ResponseValidator validator;
    private ResponseObserver observer = ResponseObserver.NONE;

    /**
     * @param pathsMountedAt path (or absolute URL, whose path is taken) directly in front of the
     *                       spec's path templates: for Partoo, whose server URL ends in
     *                       {@code /v2} and whose paths are {@code /webhooks/...}, that is e.g.
     *                       {@code http://127.0.0.1:8080/partoo/v2}; for Mollie, whose paths
     *                       already start with {@code /v2}, {@code http://127.0.0.1:8080/mollie}
     * @see #serverMountedAt
     */
    public SpecValidationFilter(OpenApiSpec spec, String pathsMountedAt) {
        this.spec = spec;
        this.pathsPrefix = withoutTrailingSlash(pathOf(pathsMountedAt));
        this.validator = new ResponseValidator(spec);
    }

    /**
     * For callers that know where the spec's <em>server URL</em> is mounted (e.g.
     * {@code http://127.0.0.1:8080/partoo}); the server's base path ({@code /v2}) is appended.
     */
    public static SpecValidationFilter serverMountedAt(OpenApiSpec spec, String serverMountedAt) {
        return new SpecValidationFilter(spec, withoutTrailingSlash(pathOf(serverMountedAt)) + spec.serverBasePath());
    }

    /** The same filter, also telling {@code observer} of every response it validates. */
    public SpecValidationFilter observedBy(ResponseObserver observer) {
        this.observer = observer;
        return this;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        String method = request.getMethod();
        String path = pathOf(request.getURI());
        Optional<String> relative = specPath(path);
        if (relative.isEmpty()) {
            return response;
        }
        Optional<Operation> operation = spec.findOperation(method, relative.get());
        if (operation.isEmpty()) {
            int status = response.getStatusCode();
            if (status < 400 || status > 499) {
                throw new AssertionError(method + " " + path + " is not an operation of " + spec.name()
                        + ", so it must be refused with a 4xx, not answered with " + status);
            }
            return response;
        }
        Operation op = operation.get();
        observer.observed(spec.name(), op.operationId(), response.getStatusCode(), request.getURI());
        failOnViolations(method + " " + path + " -> " + op,
                validator.validate(op, response.getStatusCode(), response.getContentType(), response.asString()),
                response.getStatusCode());
        return response;
    }

    /** Asserts that {@code response} conforms to {@code operation}, whatever was requested. */
    public static void assertConforms(OpenApiSpec spec, Operation operation, Response response) {
        List<Violation> violations = new ResponseValidator(spec).validate(operation, response.getStatusCode(),
                response.getContentType(), response.asString());
        failOnViolations(operation.toString(), violations, response.getStatusCode());
    }

    private static void failOnViolations(String exchange, List<Violation> violations, int status) {
        if (violations.isEmpty()) {
            return;
        }
        throw new AssertionError(violations.size() + " spec violation(s) in response of " + exchange
                + " with status " + status + ":" + violations.stream()
                        .map(v -> "\n  - " + v)
                        .collect(Collectors.joining()));
    }

    /** The request path relative to the mount prefix, or empty when it lies outside it. */
    private Optional<String> specPath(String requestPath) {
        if (requestPath.equals(pathsPrefix)) {
            return Optional.of("/");
        }
        return requestPath.startsWith(pathsPrefix + "/")
                ? Optional.of(requestPath.substring(pathsPrefix.length()))
                : Optional.empty();
    }

    /** Raw path of a URL or path: no scheme, authority, query or fragment. */
    private static String pathOf(String uriOrPath) {
        String rest = uriOrPath;
        int scheme = rest.indexOf("://");
        if (scheme >= 0) {
            int pathStart = rest.indexOf('/', scheme + 3);
            rest = pathStart < 0 ? "" : rest.substring(pathStart);
        }
        return rest.split("[?#]", 2)[0];
    }

    private static String withoutTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
