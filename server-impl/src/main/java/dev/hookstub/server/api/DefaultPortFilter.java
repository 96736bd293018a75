package dev.hookstub.server.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.net.URI;

/**
 * URLs the stub writes back (a {@code Location}, Mollie's {@code _links.self}) name the server as the client did. A
 * {@code Host} header without a port means the scheme's default one, which Jersey writes out ({@code
 * http://hookstub:80/...}); behind a port-80 mapping that is a URL no provider would return, so it is taken out.
 */
@PreMatching
@Priority(1)
public final class DefaultPortFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        URI base = request.getUriInfo().getBaseUri();
        if (!dev.hookstub.server.operation.RequestUrl.hostWithoutPort(request.getHeaderString("Host")) || base.getPort() != defaultPort(base)) {
            return;
        }
        request.setRequestUri(withoutPort(base), withoutPort(request.getUriInfo().getRequestUri()));
    }

    private static int defaultPort(URI uri) {
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : -2;
    }

    private static URI withoutPort(URI uri) {
        String text = uri.toString();
        String authority = uri.getRawAuthority();
        int at = text.indexOf("//" + authority) + 2;
        String suffix = ":" + uri.getPort();
        if (at < 2 || !authority.endsWith(suffix)) {
            return uri;
        }
        return URI.create(text.substring(0, at) + authority.substring(0, authority.length() - suffix.length())
                + text.substring(at + authority.length()));
    }
}
