package dev.hookstub.server.fastpath;

import dev.hookstub.openapi.PathTemplate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the fast path takes of a request's path and query: a path that is exactly one of the spec's templates
 * (openapi-core's {@link PathTemplate}: the same segments, literal ones equal) with each parameter a plain value,
 * and a query of plain values, one per name. Anything else (encoded, empty or odd values, a trailing or doubled
 * slash, a repeated name) is left to Jersey, whose matching the spec's rules then judge.
 */
final class PlainRequest {

    /** The longest plain value: anything longer is Jersey's to judge. */
    static final int MAX_PLAIN_LENGTH = 256;

    private PlainRequest() {
    }

    /** The path parameters of a path below the API's context path, or null when it is not plainly this template. */
    static Map<String, String> pathParameters(PathTemplate template, String path) {
        Optional<Map<String, String>> values = template.values(path);
        if (values.isEmpty()) {
            return null;
        }
        for (String value : values.get().values()) {
            if (!plain(value)) {
                return null;
            }
        }
        return values.get();
    }

    /** The query as single plain values per name, or null when it has anything else (repeated, encoded, empty). */
    static Map<String, String> query(String query) {
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
            if (!plain(name) || !plain(value)
                    || values.put(name, value) != null) {
                return null;
            }
        }
        return values;
    }

    /**
     * Whether a value is 1 to 256 of {@code [A-Za-z0-9_-]}. Written out rather than a regular expression: this runs
     * on every value of every GET the fast path carries, and the regex engine was 3 % of a GET's CPU time.
     */
    static boolean plain(String value) {
        int length = value.length();
        if (length == 0 || length > MAX_PLAIN_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
