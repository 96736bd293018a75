package dev.hookstub.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/** Small helpers the fast read paths share: strict path and query parsing, and writing a 200. */
public final class FastResponses {

    /** Path values the fast path takes; anything else (encoded, empty, odd characters) goes the long way. */
    private static final Pattern PLAIN_SEGMENT = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern PLAIN_QUERY_VALUE = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    private FastResponses() {
    }

    /**
     * The single path segment after {@code prefix} (relative to the application's context path), when it is plain;
     * else null.
     */
    public static String segmentAfter(Request request, String prefix) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        int start = context.length() + prefix.length();
        if (!uri.startsWith(context) || !uri.startsWith(prefix, context.length()) || uri.length() <= start) {
            return null;
        }
        String segment = uri.substring(start);
        return PLAIN_SEGMENT.matcher(segment).matches() ? segment : null;
    }

    /**
     * The query as single plain values per name, or null when it has anything else (a repeated name, an encoded or
     * empty value, a name not in {@code allowed}).
     */
    public static Map<String, String> plainQuery(Request request, java.util.Set<String> allowed) {
        String query = request.getQueryString();
        if (query == null || query.isEmpty()) {
            return Map.of();
        }
        Map<String, String> values = new HashMap<>(4);
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                return null;
            }
            String name = pair.substring(0, equals);
            String value = pair.substring(equals + 1);
            if (!allowed.contains(name) || !PLAIN_QUERY_VALUE.matcher(value).matches() || values.put(name, value) != null) {
                return null;
            }
        }
        return values;
    }

    /** Host headers a response URL is rebuilt from exactly as Jersey does; others go the long way. */
    private static final Pattern PLAIN_HOST = Pattern.compile("[a-z0-9.-]{1,253}(:[0-9]{1,5})?");

    /** Whether a Host header names no port (an IPv6 literal's colons are not a port's). */
    public static boolean hostWithoutPort(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        int bracket = host.lastIndexOf(']');
        return host.indexOf(':', bracket + 1) < 0;
    }

    /** The Host header when it is plain ({@code name} or {@code name:port}, lower case), else null. */
    public static String plainHost(Request request) {
        String host = request.getHeader("Host");
        return host != null && PLAIN_HOST.matcher(host).matches() ? host : null;
    }

    /** Whether the request's headers stay within the limit the Jersey applications enforce (431 beyond it). */
    public static boolean headersWithinLimit(Request request) {
        int bytes = 0;
        for (String name : request.getHeaderNames()) {
            for (String value : request.getHeaders(name)) {
                bytes += name.length() + value.length() + 4;
            }
        }
        return bytes <= RequestLimitsFilter.MAX_HEADER_BYTES;
    }

    /** Writes a refusal exactly as the Jersey applications' exception mapper does. */
    public static void writeProblem(Response response, dev.hookstub.server.error.ErrorFormat format,
                                    dev.hookstub.server.error.ApiProblem problem, ObjectMapper mapper)
            throws IOException {
        byte[] body = json(mapper, format.body(problem));
        dev.hookstub.server.journal.RequestNotes.refusal(response.getRequest(),
                dev.hookstub.server.error.ApiProblemMapper.reason(problem));
        response.setStatus(problem.status(), dev.hookstub.server.error.ApiProblem.reasonPhrase(problem.status()));
        problem.headers().forEach(response::setHeader);
        response.setContentType(format.mediaType().toString());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    public static void writeJson(Response response, int status, String contentType, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    public static byte[] json(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
