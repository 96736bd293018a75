package dev.hookstub.openapi;

import java.util.regex.Pattern;

/**
 * An OpenAPI path template compiled for matching concrete request paths. A {@code {param}} matches
 * one non-empty segment; everything else must match literally (no trailing-slash leniency: a
 * server answering {@code /webhooks/} is answering a path the spec does not declare).
 */
final class PathTemplate {

    private final Pattern pattern;
    private final int literalChars;

    private PathTemplate(Pattern pattern, int literalChars) {
        this.pattern = pattern;
        this.literalChars = literalChars;
    }

    static PathTemplate compile(String template) {
        StringBuilder regex = new StringBuilder();
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
            regex.append("[^/]+");
            i = close + 1;
        }
        return new PathTemplate(Pattern.compile(regex.toString()), literalChars);
    }

    boolean matches(String concretePath) {
        return pattern.matcher(concretePath).matches();
    }

    /**
     * OpenAPI says concrete paths win over templated ones ({@code /webhooks/mine} over
     * {@code /webhooks/{id}}); more literal characters is a good enough proxy for that.
     */
    int specificity() {
        return literalChars;
    }
}
