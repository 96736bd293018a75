package dev.hookstub.server.partoo;

import dev.hookstub.server.core.ApiAuthFilter;
import dev.hookstub.server.auth.Credentials.PartooKey;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import java.util.List;

/** The spec's {@code ApiKeyAuth}: an API key in the {@code x-APIKey} header, linked to a user. */
@Priority(Priorities.AUTHENTICATION)
final class PartooAuthFilter extends ApiAuthFilter<PartooKey, PartooUser> {

    static final String HEADER = "x-APIKey";

    PartooAuthFilter(List<PartooKey> keys) {
        super(HEADER, WHOLE_VALUE, keys, PartooKey::key, key -> new PartooUser(key.role(), key.orgId()),
                user -> user.role() + "@" + user.orgId(), "User not authenticated");
    }
}
