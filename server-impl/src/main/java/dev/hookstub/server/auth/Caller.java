package dev.hookstub.server.auth;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * The authenticated caller of one request, carried by the request's SecurityContext so that singleton resources
 * can read it through Jersey's request-scoped proxy. The principal's name is never the credential itself.
 */
public final class Caller<T> implements SecurityContext, Principal {

    private final String name;
    private final T identity;
    private final boolean secure;

    public Caller(String name, T identity, boolean secure) {
        this.name = name;
        this.identity = identity;
        this.secure = secure;
    }

    @SuppressWarnings("unchecked")
    public static <T> T of(SecurityContext context, Class<T> type) {
        if (context instanceof Caller<?> caller && type.isInstance(caller.identity)) {
            return (T) caller.identity;
        }
        if (context != null && context.getUserPrincipal() instanceof Caller<?> caller && type.isInstance(caller.identity)) {
            return (T) caller.identity;
        }
        throw new IllegalStateException("No authenticated " + type.getSimpleName() + " on this request");
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Principal getUserPrincipal() {
        return this;
    }

    @Override
    public boolean isUserInRole(String role) {
        return false;
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return "Bearer";
    }
}
