package dev.hookstub.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAPI path template compiled for matching concrete request paths. A {@code {param}} matches one non-empty
 * segment; everything else must match literally (no trailing-slash leniency: a server answering {@code /webhooks/} is
 * answering a path the spec does not declare).
 */
public final class PathTemplate {

    private final Pattern pattern;
    private final List<String> names;
    private final int literalChars;
    /**
     * The template's literal parts, one before each parameter and one after the last (each possibly empty), when
     * every parameter ends its segment (is followed by {@code /} or the end): then a parameter is what runs to the
     * next {@code /}, and a path is matched by comparing text, not by the regex engine, which was a third of what
     * the stub spent on a GET's path. Null for any other template (a parameter followed by text in its segment, such
     * as {@code /{name}.json}), which the pattern matches.
     */
    private final String[] literals;

    private PathTemplate(Pattern pattern, List<String> names, int literalChars, String[] literals) {
        this.pattern = pattern;
        this.names = names;
        this.literalChars = literalChars;
        this.literals = literals;
    }

    public static PathTemplate compile(String template) {
        StringBuilder regex = new StringBuilder();
        List<String> names = new ArrayList<>();
        List<String> literals = new ArrayList<>();
        boolean segmentEnds = true;
        int literalChars = 0;
        int i = 0;
        while (true) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (open < 0 || close < 0) {
                regex.append(Pattern.quote(template.substring(i)));
                literals.add(template.substring(i));
                literalChars += template.length() - i;
                break;
            }
            if (open > i) {
                regex.append(Pattern.quote(template.substring(i, open)));
                literalChars += open - i;
            }
            literals.add(template.substring(i, open));
            regex.append("([^/]+)");
            names.add(template.substring(open + 1, close));
            i = close + 1;
            segmentEnds &= i == template.length() || template.charAt(i) == '/';
        }
        return new PathTemplate(Pattern.compile(regex.toString()), List.copyOf(names), literalChars,
                segmentEnds ? literals.toArray(String[]::new) : null);
    }

    public boolean matches(String concretePath) {
        return literals != null ? match(concretePath, null) : pattern.matcher(concretePath).matches();
    }

    /** The raw (still percent-encoded) value of each parameter in {@code concretePath}, if it matches. */
    public Optional<Map<String, String>> values(String concretePath) {
        String[] found = new String[names.size()];
        if (literals != null) {
            if (!match(concretePath, found)) {
                return Optional.empty();
            }
        } else {
            Matcher matcher = pattern.matcher(concretePath);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            for (int i = 0; i < found.length; i++) {
                found[i] = matcher.group(i + 1);
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < found.length; i++) {
            values.put(names.get(i), found[i]);
        }
        return Optional.of(values);
    }

    /**
     * The pattern's match, for a template whose parameters each end their segment: each literal in place, and each
     * parameter one or more characters up to the next {@code /} (which the literal after it starts with).
     *
     * @param found where each parameter's value goes, or null when only the answer is wanted
     */
    private boolean match(String path, String[] found) {
        int at = 0;
        for (int i = 0; ; i++) {
            String literal = literals[i];
            if (!path.startsWith(literal, at)) {
                return false;
            }
            at += literal.length();
            if (i == literals.length - 1) {
                return at == path.length();
            }
            int end = path.indexOf('/', at);
            end = end < 0 ? path.length() : end;
            if (end == at) {
                return false;
            }
            if (found != null) {
                found[i] = path.substring(at, end);
            }
            at = end;
        }
    }

    /**
     * OpenAPI says concrete paths win over templated ones ({@code /webhooks/mine} over {@code /webhooks/{id}}); more
     * literal characters is a good enough proxy for that.
     */
    public int specificity() {
        return literalChars;
    }
}
