package dev.hookstub.server.core;

import dev.hookstub.server.auth.Caller;
import dev.hookstub.server.operation.Answer;
import dev.hookstub.server.operation.ApiOperations;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * The Jersey carrier of an API's operations: an API's resource implements its generated interface on this, each
 * method handing its operation what JAX-RS matched and returning the operation's answer as it rendered it. The
 * auth and validation filters have run by then, with the same authentication and spec rules the fast carrier uses.
 * The caller, URI and headers are injected into the one instance as request-scoped proxies.
 */
public abstract class ApiResource {

    private final ApiOperations<?> operations;

    @Context
    private SecurityContext security;

    @Context
    private UriInfo uriInfo;

    @Context
    private HttpHeaders headers;

    protected ApiResource(ApiOperations<?> operations) {
        this.operations = operations;
    }

    /** Answers with the operation the spec names {@code operationId}, for a request without a body. */
    protected final Response answer(String operationId) {
        return answer(operationId, null);
    }

    /** Answers with the operation the spec names {@code operationId}, for a request with this bound body. */
    protected final Response answer(String operationId, Object body) {
        Object caller = Caller.of(security, operations.authentication().callerType());
        Answer answer = operations.answer(operationId, caller, new JerseyOperationRequest(uriInfo, headers, body));
        Response.ResponseBuilder response = answer.reason() == null ? Response.status(answer.status())
                : Response.status(answer.status(), answer.reason());
        answer.headers().forEach(response::header);
        return response.type(answer.contentType()).entity(answer.body()).build();
    }
}
