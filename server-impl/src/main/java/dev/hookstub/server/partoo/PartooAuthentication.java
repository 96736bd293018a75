package dev.hookstub.server.partoo;

import dev.hookstub.server.operation.Authentication;
import dev.hookstub.server.auth.Credentials.PartooKey;
import java.util.List;

/** The spec's {@code ApiKeyAuth}: an API key in the {@code x-APIKey} header, linked to a user. */
final class PartooAuthentication extends Authentication<PartooKey, PartooUser> {

    PartooAuthentication(List<PartooKey> keys) {
        super("x-APIKey", PartooUser.class, WHOLE_VALUE, keys, PartooKey::key,
                key -> new PartooUser(key.role(), key.orgId()), user -> user.role() + "@" + user.orgId(),
                "User not authenticated");
    }
}
