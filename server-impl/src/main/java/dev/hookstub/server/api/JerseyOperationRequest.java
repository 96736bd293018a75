package dev.hookstub.server.api;

import dev.hookstub.server.operation.OperationRequest;
import dev.hookstub.server.operation.RequestUrl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/** A request as Jersey matched it, for an operation: the values JAX-RS decoded, the URL from the Host header. */
final class JerseyOperationRequest extends OperationRequest {

    private final UriInfo uri;
    private final Object body;

    JerseyOperationRequest(UriInfo uri, HttpHeaders headers, Object body) {
        this(uri, uri.getRequestUri(), headers.getHeaderString(HttpHeaders.HOST), body);
    }

    /** A Host header no URL is built from gives way to the authority Jersey resolved. */
    private JerseyOperationRequest(UriInfo uri, URI requested, String host, Object body) {
        super(requested.getScheme(), RequestUrl.usableHost(host) ? host : requested.getRawAuthority(),
                requested.getRawPath(), requested.getRawQuery());
        this.uri = uri;
        this.body = body;
    }

    @Override
    public String path(String name) {
        return uri.getPathParameters(true).getFirst(name);
    }

    @Override
    public String query(String name) {
        return uri.getQueryParameters(true).getFirst(name);
    }

    @Override
    public <T> T body(Class<T> type) {
        return type.cast(body);
    }
}
