package dev.hookstub.server.mollie;

import dev.hookstub.server.auth.BearerToken;
import dev.hookstub.server.auth.Caller;
import dev.hookstub.server.auth.Credentials.MollieToken;
import dev.hookstub.server.auth.Secrets;
import dev.hookstub.server.error.ApiProblem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;

/**
 * Mollie's get-webhook accepts an organization access token or an OAuth token with {@code webhooks.read};
 * API keys ({@code live_}, {@code test_}) authenticate but are refused for this endpoint, as its security lists
 * only the two token kinds.
 */
@Priority(Priorities.AUTHENTICATION)
final class MollieAuthFilter implements ContainerRequestFilter {

    static final String READ_SCOPE = "webhooks.read";

    private final List<MollieToken> tokens;

    MollieAuthFilter(List<MollieToken> tokens) {
        this.tokens = tokens;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String presented = BearerToken.from(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        MollieToken token = presented == null ? null : Secrets.lookup(tokens, MollieToken::token, presented);
        if (token == null) {
            throw ApiProblem.unauthenticated("Missing authentication, or failed to authenticate");
        }
        if (token.kind() == MollieToken.Kind.API_KEY) {
            throw ApiProblem.forbidden(
                    "This endpoint requires an organization access token or an OAuth access token; API keys are not accepted");
        }
        if (!token.scopes().contains(READ_SCOPE)) {
            throw ApiProblem.forbidden("The access token is missing the required scope " + READ_SCOPE);
        }
        request.setSecurityContext(new Caller<>(token.kind() + ":" + token.profileId(), token,
                request.getSecurityContext().isSecure()));
    }

    /** The token of a header this endpoint accepts (a token kind it takes, with the scope), or null. */
    MollieToken authorized(String authorization) {
        String presented = BearerToken.from(authorization);
        MollieToken token = presented == null ? null : Secrets.lookup(tokens, MollieToken::token, presented);
        return token != null && token.kind() != MollieToken.Kind.API_KEY && token.scopes().contains(READ_SCOPE)
                ? token : null;
    }
}
