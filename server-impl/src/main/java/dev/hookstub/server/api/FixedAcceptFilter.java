package dev.hookstub.server.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Each API answers in one media type whatever the client's Accept header says, as the providers do (Mollie always
 * sends application/hal+json, even to clients that ask for application/json); content negotiation would
 * otherwise turn those ordinary requests into 406s that no spec declares.
 */
@PreMatching
public final class FixedAcceptFilter implements ContainerRequestFilter {

    private final String mediaType;

    public FixedAcceptFilter(MediaType mediaType) {
        this.mediaType = mediaType.toString();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, mediaType);
    }
}
