package dev.hookstub.server.carrier;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A spec path template matched strictly, as the fast carrier takes a request: the same number of segments, literal
 * segments equal, each parameter a plain value. A path this does not match (encoded, empty or odd values, a
 * trailing or doubled slash) is left to Jersey, whose matching the spec's rules then judge.
 */
final class PathTemplate {

    private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    private final String[] segments;

    PathTemplate(String template) {
        this.segments = template.substring(1).split("/", -1);
    }

    /** The path parameters of a path below the API's context path, or null when it is not plainly this template. */
    Map<String, String> match(String path) {
        if (!path.startsWith("/")) {
            return null;
        }
        String[] given = path.substring(1).split("/", -1);
        if (given.length != segments.length) {
            return null;
        }
        Map<String, String> parameters = new HashMap<>(4);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.startsWith("{") && segment.endsWith("}")) {
                if (!PLAIN_VALUE.matcher(given[i]).matches()) {
                    return null;
                }
                parameters.put(segment.substring(1, segment.length() - 1), given[i]);
            } else if (!segment.equals(given[i])) {
                return null;
            }
        }
        return parameters;
    }

    /** The query as single plain values per name, or null when it has anything else (repeated, encoded, empty). */
    static Map<String, String> plainQuery(String query) {
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
