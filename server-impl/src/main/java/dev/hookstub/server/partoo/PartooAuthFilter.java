package dev.hookstub.server.partoo;

import dev.hookstub.server.auth.Caller;
import dev.hookstub.server.auth.Credentials.PartooKey;
import dev.hookstub.server.auth.Secrets;
import dev.hookstub.server.error.ApiProblem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.List;

/** The spec's {@code ApiKeyAuth}: an API key in the {@code x-APIKey} header, linked to a user. */
@Priority(Priorities.AUTHENTICATION)
final class PartooAuthFilter implements ContainerRequestFilter {

    private final List<PartooKey> keys;

    PartooAuthFilter(List<PartooKey> keys) {
        this.keys = keys;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String presented = request.getHeaderString("x-APIKey");
        PartooKey key = presented == null ? null : Secrets.lookup(keys, PartooKey::key, presented.strip());
        if (key == null) {
            throw ApiProblem.unauthenticated("User not authenticated");
        }
        request.setSecurityContext(new Caller<>(key.role() + "@" + key.orgId(), new PartooUser(key.role(), key.orgId()),
                request.getSecurityContext().isSecure()));
    }
}
