package dev.hookstub.server.core;

import dev.hookstub.server.auth.Caller;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * What every API's resource shares: the service it calls, and the request's caller and URI, which Jersey injects
 * into the one instance as request-scoped proxies. An API's resource implements its generated interface on this.
 *
 * @param <S> the API's service
 */
public abstract class ApiResource<S> {

    protected final S service;

    @Context
    private SecurityContext security;

    @Context
    private UriInfo uriInfo;

    protected ApiResource(S service) {
        this.service = service;
    }

    /** Who the API's auth filter found the caller to be. */
    protected final <C> C caller(Class<C> type) {
        return Caller.of(security, type);
    }

    /** The URI of the request being answered, as Jersey resolved it (Host and port included). */
    protected final UriInfo uriInfo() {
        return uriInfo;
    }
}
