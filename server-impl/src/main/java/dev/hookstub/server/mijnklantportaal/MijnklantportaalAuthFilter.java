package dev.hookstub.server.mijnklantportaal;

import dev.hookstub.server.core.ApiAuthFilter;
import dev.hookstub.server.auth.Credentials.MijnklantportaalKey;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;

/** The spec's {@code APIKey} scheme: HTTP bearer with an API key that names the tenant. */
@Priority(Priorities.AUTHENTICATION)
final class MijnklantportaalAuthFilter extends ApiAuthFilter<MijnklantportaalKey, MijnklantportaalTenant> {

    MijnklantportaalAuthFilter(List<MijnklantportaalKey> keys) {
        super(HttpHeaders.AUTHORIZATION, BEARER, keys, MijnklantportaalKey::key,
                key -> new MijnklantportaalTenant(key.tenant() == null ? key.key() : key.tenant()),
                MijnklantportaalTenant::name, "Unauthenticated.");
    }
}
