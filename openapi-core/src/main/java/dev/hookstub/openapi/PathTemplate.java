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

    private PathTemplate(Pattern pattern, List<String> names, int literalChars) {
        this.pattern = pattern;
        this.names = names;
        this.literalChars = literalChars;
    }

    public static PathTemplate compile(String template) {
        StringBuilder regex = new StringBuilder();
        List<String> names = new ArrayList<>();
        int literalChars = 0;
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (open < 0 || close < 0) {
                regex.append(Pattern.quote(template.substring(i)));
                literalChars += template.length() - i;
                break;
            }
            if (open > i) {
                regex.append(Pattern.quote(template.substring(i, open)));
                literalChars += open - i;
            }
            regex.append("([^/]+)");
            names.add(template.substring(open + 1, close));
            i = close + 1;
        }
        return new PathTemplate(Pattern.compile(regex.toString()), List.copyOf(names), literalChars);
    }

    public boolean matches(String concretePath) {
        return pattern.matcher(concretePath).matches();
    }

    /** The raw (still percent-encoded) value of each parameter in {@code concretePath}, if it matches. */
    public Optional<Map<String, String>> values(String concretePath) {
        Matcher matcher = pattern.matcher(concretePath);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), matcher.group(i + 1));
        }
        return Optional.of(values);
    }

    /**
     * OpenAPI says concrete paths win over templated ones ({@code /webhooks/mine} over {@code /webhooks/{id}}); more
     * literal characters is a good enough proxy for that.
     */
    public int specificity() {
        return literalChars;
    }
}
