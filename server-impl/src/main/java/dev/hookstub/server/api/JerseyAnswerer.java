package dev.hookstub.server.api;

import dev.hookstub.server.auth.Caller;
import dev.hookstub.server.operation.Answer;
import dev.hookstub.server.operation.ApiOperations;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * What an API's operations go through in Jersey. Each API's resource is generated beside its interface (the
 * {@code *Resource} classes of generated-server), and hands every method to {@link #answer} by the spec's
 * operationId, with the bound body and the request as JAX-RS sees it; this runs the operation and returns its answer
 * as it rendered it. The auth and validation filters have run by then, with the same authentication and spec rules
 * the fast path uses.
 */
public final class JerseyAnswerer {

    private final ApiOperations<?> operations;

    public JerseyAnswerer(ApiOperations<?> operations) {
        this.operations = operations;
    }

    /** Answers with the operation the spec names {@code operationId}; {@code body} is the bound body, else null. */
    public Response answer(String operationId, Object body, SecurityContext security, UriInfo uriInfo,
                           HttpHeaders headers) {
        Object caller = Caller.of(security, operations.authentication().callerType());
        Answer answer = operations.answer(operationId, caller, new JerseyOperationRequest(uriInfo, headers, body));
        Response.ResponseBuilder response = answer.reason() == null ? Response.status(answer.status())
                : Response.status(answer.status(), answer.reason());
        answer.headers().forEach(response::header);
        return response.type(answer.contentType()).entity(answer.body()).build();
    }
}
