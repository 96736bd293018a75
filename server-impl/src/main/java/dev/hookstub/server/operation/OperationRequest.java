package dev.hookstub.server.operation;

/**
 * What an operation is given of its request, whether Jersey or the fast path brought it: path and query values as the client
 * sent them (decoded, not converted: conversions are the operation's own), the URL as requested, and the body.
 * Jersey and the fast path hand over a request the spec's rules have already accepted, and both build its URL with
 * {@link RequestUrl}.
 */
public abstract class OperationRequest {

    private final String url;
    private final String urlWithoutQuery;

    /** @param rawPath the path as sent, still encoded; @param rawQuery the query as sent, or null */
    protected OperationRequest(String scheme, String authority, String rawPath, String rawQuery) {
        this.url = RequestUrl.of(scheme, authority, rawPath, rawQuery);
        this.urlWithoutQuery = RequestUrl.of(scheme, authority, rawPath, null);
    }

    /** The value of a path parameter of the operation's template. */
    public abstract String path(String name);

    /** The first value of a query parameter, or null when the request has none. */
    public abstract String query(String name);

    /** The body bound to the operation's request model; only operations whose spec declares a body ask. */
    public abstract <T> T body(Class<T> type);

    /** The URL as the client asked for it: scheme, the authority of its Host header, path and query. */
    public final String url() {
        return url;
    }

    /** {@link #url()} without its query. */
    public final String urlWithoutQuery() {
        return urlWithoutQuery;
    }
}
