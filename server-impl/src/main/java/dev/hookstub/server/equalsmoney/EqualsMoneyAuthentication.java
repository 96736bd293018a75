package dev.hookstub.server.equalsmoney;

import dev.hookstub.server.operation.Authentication;
import dev.hookstub.server.auth.Credentials.EqualsMoneyKey;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.function.Function;

/** The spec's {@code CommonAuth}: an API key sent as the whole {@code Authorization} header. */
final class EqualsMoneyAuthentication extends Authentication<EqualsMoneyKey, EqualsMoneyKey> {

    EqualsMoneyAuthentication(List<EqualsMoneyKey> keys) {
        super(HttpHeaders.AUTHORIZATION, EqualsMoneyKey.class, WHOLE_VALUE, keys, EqualsMoneyKey::key,
                Function.identity(), key -> "account:" + key.accountId(),
                "Unauthorized: a valid API key is required in the Authorization header.");
    }
}
