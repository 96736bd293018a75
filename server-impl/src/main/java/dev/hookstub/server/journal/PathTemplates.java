package dev.hookstub.server.journal;

import dev.hookstub.server.spec.SpecDocument;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which of a spec's paths a request path is, as OpenAPI matches them: segment by segment, a {@code {name}} taking
 * any one non-empty segment, and a path with more literal segments winning over a more templated one (so
 * {@code /webhooks/mine} is itself before it is {@code /webhooks/{id}}). Jersey matches its own resources'
 * templates; this is for the requests Jersey never sees (the fast path, refusals before routing).
 */
final class PathTemplates {

    private record Template(String text, String[] segments, int variables) {
    }

    private final List<Template> templates = new ArrayList<>();

    PathTemplates(SpecDocument spec) {
        spec.paths().forEachRemaining(path -> {
            String[] segments = segments(path.getKey());
            int variables = 0;
            for (int i = 0; i < segments.length; i++) {
                if (segments[i].startsWith("{") && segments[i].endsWith("}")) {
                    segments[i] = null;
                    variables++;
                }
            }
            templates.add(new Template(path.getKey(), segments, variables));
        });
        templates.sort(Comparator.comparingInt(Template::variables));
    }

    /** The spec path a request path (relative to the API's mount, undecoded) is, or null when it is none. */
    String match(String path) {
        String[] given = segments(path);
        for (Template template : templates) {
            if (matches(template.segments(), given)) {
                return template.text();
            }
        }
        return null;
    }

    private static boolean matches(String[] template, String[] given) {
        if (template.length != given.length) {
            return false;
        }
        for (int i = 0; i < template.length; i++) {
            if (template[i] != null && !template[i].equals(decoded(given[i]))) {
                return false;
            }
        }
        return true;
    }

    private static String decoded(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return segment;
        }
    }

    /** The path's segments, ignoring repeated and trailing slashes as Jersey does. */
    private static String[] segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments.toArray(new String[0]);
    }
}
