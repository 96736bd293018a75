package dev.hookstub.server.operation;

import dev.hookstub.server.spec.SpecDocument;
import dev.hookstub.server.spec.SpecOperations;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One API's operations, each defined once, with the authentication they share: what the Jersey resource and the
 * fast carrier both call. An operation is named by its spec's operationId, so it answers at exactly the method and
 * path template the spec gives it.
 *
 * @param <C> who the API's authentication finds the caller to be
 */
public final class ApiOperations<C> {

    /** An operation with where the spec puts it. */
    public record Bound<C>(SpecOperations.Operation spec, Operation<C> operation) {
    }

    private final SpecOperations spec;
    private final Authentication<?, C> authentication;
    private final Map<String, Bound<C>> byId = new LinkedHashMap<>();

    public ApiOperations(SpecDocument spec, Authentication<?, C> authentication) {
        this.spec = spec.operations();
        this.authentication = authentication;
    }

    /** Defines the operation the spec names {@code operationId}; each is defined once. */
    public ApiOperations<C> define(String operationId, Operation<C> operation) {
        SpecOperations.Operation declared = spec.byId(operationId);
        if (declared == null) {
            throw new IllegalArgumentException("The spec has no operation " + operationId);
        }
        if (byId.putIfAbsent(operationId, new Bound<>(declared, operation)) != null) {
            throw new IllegalArgumentException(operationId + " is defined twice");
        }
        return this;
    }

    public Authentication<?, C> authentication() {
        return authentication;
    }

    public Collection<Bound<C>> all() {
        return byId.values();
    }

    /** Runs an operation for a caller the authentication found; refusals are thrown as {@code ApiProblem}s. */
    public Answer answer(String operationId, Object caller, OperationRequest request) {
        Bound<C> bound = byId.get(operationId);
        if (bound == null) {
            throw new IllegalArgumentException("No operation " + operationId + " is defined");
        }
        return bound.operation().answer(authentication.callerType().cast(caller), request);
    }
}
