package dev.hookstub.server.operation;

import java.util.regex.Pattern;

/**
 * The URL a request was made at, as URLs the stub writes back (a {@code Location}, Mollie's {@code _links.self})
 * name it: built the same way by Jersey and the fast path, from the scheme, the client's own {@code Host} header, and the
 * path and query as sent. A Host header without a port names none in the URL either, as a provider's would.
 */
public final class RequestUrl {

    /**
     * The Host headers a URL is built from: a name or IPv4 address, or a bracketed IPv6 literal, with an optional
     * port (RFC 9110 section 7.2, without user info). Any other value is not echoed back.
     */
    private static final Pattern HOST = Pattern.compile(
            "(?:[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\])(?::[0-9]{1,5})?");

    private RequestUrl() {
    }

    /** Whether a Host header value is one a URL is built from. */
    public static boolean usableHost(String host) {
        return host != null && HOST.matcher(host).matches();
    }

    /** Whether a Host header names no port (an IPv6 literal's colons are not a port's). */
    public static boolean hostWithoutPort(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        int bracket = host.lastIndexOf(']');
        return host.indexOf(':', bracket + 1) < 0;
    }

    /**
     * @param authority the request's Host header when {@link #usableHost}, else the authority the server resolved
     * @param rawPath   the path as sent, still encoded
     * @param rawQuery  the query as sent, or null
     */
    public static String of(String scheme, String authority, String rawPath, String rawQuery) {
        String withoutQuery = scheme + "://" + authority + rawPath;
        return rawQuery == null ? withoutQuery : withoutQuery + "?" + rawQuery;
    }

    /** The URL of a resource below this one, such as a created record's below its collection's. */
    public static String child(String url, String segment) {
        return url.endsWith("/") ? url + segment : url + "/" + segment;
    }
}
