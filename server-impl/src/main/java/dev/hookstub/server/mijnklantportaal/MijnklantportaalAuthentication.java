package dev.hookstub.server.mijnklantportaal;

import dev.hookstub.server.operation.Authentication;
import dev.hookstub.server.auth.Credentials.MijnklantportaalKey;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;

/** The spec's {@code APIKey} scheme: HTTP bearer with an API key that names the tenant. */
final class MijnklantportaalAuthentication extends Authentication<MijnklantportaalKey, MijnklantportaalTenant> {

    MijnklantportaalAuthentication(List<MijnklantportaalKey> keys) {
        super(HttpHeaders.AUTHORIZATION, MijnklantportaalTenant.class, BEARER, keys, MijnklantportaalKey::key,
                key -> new MijnklantportaalTenant(key.tenant() == null ? key.key() : key.tenant()),
                MijnklantportaalTenant::name, "Unauthenticated.");
    }
}
