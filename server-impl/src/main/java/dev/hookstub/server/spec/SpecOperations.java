package dev.hookstub.server.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A spec's operations by operationId, and which one a request's method and path (below the API's context path)
 * is, found from the spec's path templates alone: the fault rules and {@code Prefer} answers run before any
 * Jersey application, so they cannot ask one which resource matched.
 */
public final class SpecOperations {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern SLASHES = Pattern.compile("/+");

    /** One operation: its id, its method (lower case) and the path template the spec writes it under. */
    public record Operation(String id, String method, String template) {

        /** The JSON pointer of the operation in its spec. */
        public String pointer() {
            return "/paths/" + SpecDocument.escape(template) + "/" + method;
        }
    }

    private record Matcher(Operation operation, Pattern path, boolean concrete) {
    }

    private final Map<String, Operation> byId = new LinkedHashMap<>();
    private final List<Matcher> matchers = new ArrayList<>();

    SpecOperations(SpecDocument spec) {
        spec.paths().forEachRemaining(path -> {
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    String id = path.getValue().get(method).path("operationId").asText(method + " " + path.getKey());
                    Operation operation = new Operation(id, method, path.getKey());
                    byId.put(id, operation);
                    matchers.add(new Matcher(operation, pattern(path.getKey()), !path.getKey().contains("{")));
                }
            }
        });
        // OpenAPI matches a concrete path before a templated one that also fits.
        matchers.sort((a, b) -> Boolean.compare(b.concrete(), a.concrete()));
    }

    public Operation byId(String operationId) {
        return byId.get(operationId);
    }

    public java.util.Set<String> ids() {
        return byId.keySet();
    }

    /** The operation a request is, or null when the spec has none for that method and path. */
    public Operation match(String method, String path) {
        return first(method.toLowerCase(Locale.ROOT), path);
    }

    /**
     * The spec path a request path is, whatever its method (a refused DELETE of {@code /webhooks/1} is still of
     * {@code /webhooks/{webhookId}}), or null when it is none of the spec's paths.
     */
    public String template(String path) {
        Operation operation = first(null, path);
        return operation == null ? null : operation.template();
    }

    /** The first operation, concrete paths before templated ones, of that method (null: any) whose path fits. */
    private Operation first(String method, String path) {
        String normalized = SLASHES.matcher(path == null || path.isEmpty() ? "/" : path).replaceAll("/");
        if (normalized.length() > 1 && normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        for (Matcher matcher : matchers) {
            if ((method == null || matcher.operation().method().equals(method))
                    && matcher.path().matcher(normalized).matches()) {
                return matcher.operation();
            }
        }
        return null;
    }

    /** A path template as a pattern: each {@code {name}} stands for one non-empty segment. */
    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        int at = 0;
        while (at < template.length()) {
            int open = template.indexOf('{', at);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (open < 0 || close < 0) {
                regex.append(Pattern.quote(template.substring(at)));
                break;
            }
            regex.append(Pattern.quote(template.substring(at, open))).append("[^/]+");
            at = close + 1;
        }
        return Pattern.compile(regex.toString());
    }
}
