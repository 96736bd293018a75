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

    static final String HEADER = "x-APIKey";

    private final List<PartooKey> keys;

    PartooAuthFilter(List<PartooKey> keys) {
        this.keys = keys;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        PartooUser user = authenticate(request.getHeaderString(HEADER));
        if (user == null) {
            throw ApiProblem.unauthenticated("User not authenticated");
        }
        request.setSecurityContext(new Caller<>(user.role() + "@" + user.orgId(), user,
                request.getSecurityContext().isSecure()));
    }

    /** The user behind a valid {@code x-APIKey} header, or null. */
    PartooUser authenticate(String apiKey) {
        PartooKey key = apiKey == null ? null : Secrets.lookup(keys, PartooKey::key, apiKey.strip());
        return key == null ? null : new PartooUser(key.role(), key.orgId());
    }
}
