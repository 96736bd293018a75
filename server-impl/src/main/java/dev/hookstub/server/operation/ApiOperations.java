package dev.hookstub.server.operation;

import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.server.store.StoredRecord;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * One API's operations, each defined once, with the authentication they share: what the Jersey resource and the
 * fast path both call. An operation is named by its spec's operationId, so it answers at exactly the method and
 * path template the spec gives it.
 *
 * @param <C> who the API's authentication finds the caller to be
 */
public final class ApiOperations<C> {

    /** An operation with where the spec puts it. */
    public record Bound<C>(dev.hookstub.openapi.Operation spec, Operation<C> operation) {
    }

    private final OpenApiSpec spec;
    private final Authentication<?, C> authentication;
    private final Map<String, Bound<C>> byId = new LinkedHashMap<>();

    public ApiOperations(OpenApiSpec spec, Authentication<?, C> authentication) {
        this.spec = spec;
        this.authentication = authentication;
    }

    /** Defines the operation the spec names {@code operationId}; each is defined once. */
    public ApiOperations<C> define(String operationId, Operation<C> operation) {
        dev.hookstub.openapi.Operation declared = spec.operationNamed(operationId).orElse(null);
        if (declared == null) {
            throw new IllegalArgumentException(spec.name() + " has no operation " + operationId + " (any longer): the stub "
                    + "defines it, so its definition in the API's package must go with it");
        }
        if (byId.putIfAbsent(operationId, new Bound<>(declared, operation)) != null) {
            throw new IllegalArgumentException(operationId + " is defined twice");
        }
        return this;
    }

    /**
     * Defines an operation that reads one record and answers 200 with its serialised body: {@code find} converts
     * the request's parameters and calls the API's service, which refuses what the caller may not read.
     */
    public <R extends StoredRecord> ApiOperations<C> defineRead(String operationId, String contentType,
                                                                SerializedBodies<R> bodies,
                                                                BiFunction<C, OperationRequest, R> find) {
        return define(operationId, (caller, request) ->
                Answer.of(200, contentType, bodies.forRequest(find.apply(caller, request), request)));
    }

    /**
     * Fails unless every operation of the spec is defined. Jersey's resource is generated from the spec and hands
     * each of its operations here by operationId, so an operation the spec gained would otherwise compile and answer
     * 500; this makes it a failed start naming it, and the API.
     */
    public ApiOperations<C> requireEveryOperation(String api) {
        Set<String> undefined = new TreeSet<>();
        spec.operations().forEach(declared -> undefined.add(declared.label()));
        undefined.removeAll(byId.keySet());
        if (!undefined.isEmpty()) {
            throw new IllegalStateException(api + ": the spec's operations " + undefined + " are not defined; "
                    + "define each in the API's package (dev.hookstub.server." + api + "), beside its others");
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
