package dev.hookstub.server.equalsmoney;

import dev.hookstub.server.core.ApiAuthFilter;
import dev.hookstub.server.auth.Credentials.EqualsMoneyKey;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.function.Function;

/** The spec's {@code CommonAuth}: an API key sent as the whole {@code Authorization} header. */
@Priority(Priorities.AUTHENTICATION)
final class EqualsMoneyAuthFilter extends ApiAuthFilter<EqualsMoneyKey, EqualsMoneyKey> {

    EqualsMoneyAuthFilter(List<EqualsMoneyKey> keys) {
        super(HttpHeaders.AUTHORIZATION, WHOLE_VALUE, keys, EqualsMoneyKey::key, Function.identity(),
                key -> "account:" + key.accountId(),
                "Unauthorized: a valid API key is required in the Authorization header.");
    }
}
