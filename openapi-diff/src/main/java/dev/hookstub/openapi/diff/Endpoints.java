package dev.hookstub.openapi.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document's paths and operations, keyed by their template with the parameter names erased
 * ({@code /planets/{}}), so that a path parameter renamed is the same path.
 */
final class Endpoints {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]*)}");

    /** One operation: {@code pointer} is the operation object's, after the path item's {@code $ref}. */
    record Endpoint(String method, String template, String pointer, String pathPointer) {

        /** How reports name it: {@code GET /planets/{planetId}}. */
        String display() {
            return method.toUpperCase(Locale.ROOT) + " " + template;
        }

        /** The template's parameter names in order: a path parameter is matched by its place, not its name. */
        List<String> pathParameters() {
            List<String> names = new ArrayList<>();
            Matcher matcher = PARAMETER.matcher(template);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        }
    }

    /** A path: its template as written, the pointer of its item, and its operations by method. */
    record PathEntry(String template, String pointer, Map<String, Endpoint> operations) {
    }

    private Endpoints() {
    }

    /** The document's paths by erased template, in document order. */
    static Map<String, PathEntry> of(Document document) {
        Map<String, PathEntry> paths = new LinkedHashMap<>();
        JsonNode declared = document.at("/paths");
        declared.fieldNames().forEachRemaining(template -> {
            String pathPointer = document.resolve(Document.append("/paths", template));
            Map<String, Endpoint> operations = new LinkedHashMap<>();
            document.at(pathPointer).fieldNames().forEachRemaining(method -> {
                if (METHODS.contains(method)) {
                    operations.put(method, new Endpoint(method, template, pathPointer + "/" + method, pathPointer));
                }
            });
            paths.putIfAbsent(erased(template), new PathEntry(template, pathPointer, operations));
        });
        return paths;
    }

    static String erased(String template) {
        return PARAMETER.matcher(template).replaceAll("{}");
    }
}
