package dev.hookstub.server.api;

import dev.hookstub.server.operation.Authentication;
import dev.hookstub.server.auth.Caller;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.journal.RequestNotes;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * An API's {@link Authentication} in its Jersey application: refuses (401, 403) before the resource, noting why
 * for the journal, and carries the caller on the request as a {@link Caller} for the resource to read.
 */
@Priority(Priorities.AUTHENTICATION)
final class ApiAuthFilter<I> implements ContainerRequestFilter {

    private final Authentication<?, I> authentication;

    ApiAuthFilter(Authentication<?, I> authentication) {
        this.authentication = authentication;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String value = request.getHeaderString(authentication.header());
        I caller = authentication.authenticate(value);
        if (caller == null) {
            RequestNotes.refusal(request, RequestNotes.reason("authentication", null,
                    authentication.unauthenticatedReason(value)));
            throw authentication.unauthenticated();
        }
        try {
            authentication.authorize(caller);
        } catch (ApiProblem refused) {
            RequestNotes.refusal(request, RequestNotes.reason("authorization", refused.field(), refused.detail()));
            throw refused;
        }
        request.setSecurityContext(new Caller<>(authentication.principalName(caller), caller,
                request.getSecurityContext().isSecure()));
    }
}
