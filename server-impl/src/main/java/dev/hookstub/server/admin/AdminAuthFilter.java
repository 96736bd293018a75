package dev.hookstub.server.admin;

import dev.hookstub.server.auth.BearerToken;
import dev.hookstub.server.auth.Secrets;
import dev.hookstub.server.error.ApiProblem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/** Everything under {@code /__admin} needs {@code Authorization: Bearer <admin token>}. */
@Priority(Priorities.AUTHENTICATION)
final class AdminAuthFilter implements ContainerRequestFilter {

    private final String token;

    AdminAuthFilter(String token) {
        this.token = token;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String presented = BearerToken.from(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (!Secrets.constantTimeEquals(token, presented)) {
            throw ApiProblem.unauthenticated("The admin API needs Authorization: Bearer <admin token>.",
                    "Bearer realm=\"hookstub admin\"");
        }
    }
}
