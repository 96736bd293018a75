package dev.hookstub.server.mollie;

import dev.hookstub.server.operation.Authentication;
import dev.hookstub.server.auth.Credentials.MollieToken;
import dev.hookstub.server.error.ApiProblem;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.function.Function;

/**
 * Mollie's get-webhook accepts an organization access token or an OAuth token with {@code webhooks.read};
 * API keys ({@code live_}, {@code test_}) authenticate but are refused for this endpoint, as its security lists
 * only the two token kinds.
 */
final class MollieAuthentication extends Authentication<MollieToken, MollieToken> {

    static final String READ_SCOPE = "webhooks.read";

    MollieAuthentication(List<MollieToken> tokens) {
        super(HttpHeaders.AUTHORIZATION, MollieToken.class, BEARER, tokens, MollieToken::token, Function.identity(),
                token -> token.kind() + ":" + token.profileId(), "Missing authentication, or failed to authenticate");
    }

    @Override
    public void authorize(MollieToken token) {
        if (token.kind() == MollieToken.Kind.API_KEY) {
            throw ApiProblem.forbidden(
                    "This endpoint requires an organization access token or an OAuth access token; API keys are not accepted");
        }
        if (!token.scopes().contains(READ_SCOPE)) {
            throw ApiProblem.forbidden("The access token is missing the required scope " + READ_SCOPE);
        }
    }
}
