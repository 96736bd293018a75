package dev.hookstub.server.spec;

import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.Operation;
import java.util.regex.Pattern;

/**
 * Which of a spec's operations a request path (below the API's context path) is, as Jersey routes it: doubled
 * slashes count as one and a trailing one is dropped, so {@code /webhooks//1/} is {@code /webhooks/1}; openapi-core
 * then matches the path as the spec writes its templates. The fault rules, the {@code Prefer} answers and the
 * journal ask this before (or without) any Jersey application, so they cannot ask one which resource matched.
 */
public final class RequestPaths {

    private static final Pattern SLASHES = Pattern.compile("/+");

    private RequestPaths() {
    }

    /** The operation a request is, or null when the spec has none for that method and path. */
    public static Operation operation(OpenApiSpec spec, String method, String path) {
        return spec.findOperation(method, normalized(path)).orElse(null);
    }

    /** The spec path a request path is, whatever its method, or null when it is none of the spec's paths. */
    public static String template(OpenApiSpec spec, String path) {
        return spec.pathTemplateOf(normalized(path)).orElse(null);
    }

    /** One slash where there are several, none at the end, {@code /} for an empty path. */
    public static String normalized(CharSequence path) {
        String normalized = SLASHES.matcher(path == null || path.length() == 0 ? "/" : path).replaceAll("/");
        return normalized.length() > 1 && normalized.endsWith("/")
                ? normalized.substring(0, normalized.length() - 1) : normalized;
    }
}
