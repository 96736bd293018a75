package dev.hookstub.server.mijnklantportaal;

import dev.hookstub.server.auth.BearerToken;
import dev.hookstub.server.auth.Caller;
import dev.hookstub.server.auth.Credentials.MijnklantportaalKey;
import dev.hookstub.server.auth.Secrets;
import dev.hookstub.server.error.ApiProblem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;

/** The spec's {@code APIKey} scheme: HTTP bearer with an API key that names the tenant. */
@Priority(Priorities.AUTHENTICATION)
final class MijnklantportaalAuthFilter implements ContainerRequestFilter {

    private final List<MijnklantportaalKey> keys;

    MijnklantportaalAuthFilter(List<MijnklantportaalKey> keys) {
        this.keys = keys;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        MijnklantportaalTenant tenant = authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (tenant == null) {
            throw ApiProblem.unauthenticated("Unauthenticated.");
        }
        request.setSecurityContext(new Caller<>(tenant.name(), tenant, request.getSecurityContext().isSecure()));
    }

    /** The tenant of a valid {@code Authorization} header, or null. */
    MijnklantportaalTenant authenticate(String authorization) {
        String token = BearerToken.from(authorization);
        MijnklantportaalKey key = token == null ? null : Secrets.lookup(keys, MijnklantportaalKey::key, token);
        return key == null ? null : new MijnklantportaalTenant(key.tenant() == null ? key.key() : key.tenant());
    }
}
