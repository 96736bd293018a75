package dev.hookstub.server.equalsmoney;

import dev.hookstub.server.auth.Caller;
import dev.hookstub.server.auth.Credentials.EqualsMoneyKey;
import dev.hookstub.server.auth.Secrets;
import dev.hookstub.server.error.ApiProblem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;

/** The spec's {@code CommonAuth}: an API key sent as the whole {@code Authorization} header. */
@Priority(Priorities.AUTHENTICATION)
final class EqualsMoneyAuthFilter implements ContainerRequestFilter {

    private final List<EqualsMoneyKey> keys;

    EqualsMoneyAuthFilter(List<EqualsMoneyKey> keys) {
        this.keys = keys;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        EqualsMoneyKey key = authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (key == null) {
            throw ApiProblem.unauthenticated("Unauthorized: a valid API key is required in the Authorization header.");
        }
        request.setSecurityContext(new Caller<>("account:" + key.accountId(), key,
                request.getSecurityContext().isSecure()));
    }

    /** The key of a valid {@code Authorization} header, or null. */
    EqualsMoneyKey authenticate(String authorization) {
        return authorization == null ? null : Secrets.lookup(keys, EqualsMoneyKey::key, authorization.strip());
    }
}
