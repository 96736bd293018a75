package dev.hookstub.server.fastpath;

import dev.hookstub.openapi.PathTemplate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the fast path takes of a request's path and query: a path that is exactly one of the spec's templates
 * (openapi-core's {@link PathTemplate}: the same segments, literal ones equal) with each parameter a plain value,
 * and a query of plain values, one per name. Anything else (encoded, empty or odd values, a trailing or doubled
 * slash, a repeated name) is left to Jersey, whose matching the spec's rules then judge.
 */
final class PlainRequest {

    private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    private PlainRequest() {
    }

    /** The path parameters of a path below the API's context path, or null when it is not plainly this template. */
    static Map<String, String> pathParameters(PathTemplate template, String path) {
        Optional<Map<String, String>> values = template.values(path);
        if (values.isEmpty()) {
            return null;
        }
        for (String value : values.get().values()) {
            if (!PLAIN_VALUE.matcher(value).matches()) {
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
            if (!PLAIN_VALUE.matcher(name).matches() || !PLAIN_VALUE.matcher(value).matches()
                    || values.put(name, value) != null) {
                return null;
            }
        }
        return values;
    }
}
