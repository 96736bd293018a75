package dev.hookstub.openapi;

import com.networknt.schema.regex.RegularExpressions;
import java.util.regex.Pattern;

/**
 * A schema's {@code pattern} is an ECMA-262 regular expression (JSON Schema, OpenAPI), and specs are written for
 * JavaScript's engine, which takes in its web-compatible grammar (Annex B) what Java's refuses or reads otherwise:
 * <ul>
 *   <li>a {@code {} that starts no quantifier is a literal ({@code ^{[a-z]+}$}); Java refuses it;</li>
 *   <li>{@code [^]} is any character and {@code []} none; Java refuses both;</li>
 *   <li>in a class, {@code [} and {@code &&} are literals; Java reads a nested class and an intersection;</li>
 *   <li>{@code \0} is the NUL character; Java wants octal digits after it;</li>
 *   <li>{@code \s} is Unicode's whitespace (a no-break space too), Java's only ASCII's;</li>
 *   <li>{@code \\u{1F600}} (a code point, in Unicode mode) is Java's {@code \\x{1F600}};</li>
 *   <li>{@code .} leaves out U+0085 in Java, {@code \b} is a boundary of Unicode's letters there and of ASCII's word
 *       characters in JavaScript, {@code \v} is one character there and a class in Java, and a letter no escape
 *       names ({@code \A}, {@code \z}, {@code \h}) is the letter itself in JavaScript.</li>
 * </ul>
 * {@link #toJava} rewrites those and leaves the rest as written; {@link #compile} adds what the JSON Schema
 * library rewrites for the JDK's engine ({@code $} as the end of the text, long Unicode property names), so that one
 * expression means the same to the validator and to what generates values for it. {@link BoundedMatch} evaluates
 * it on a value from anyone.
 */
public final class EcmaPatterns {

    /** ECMA-262's WhiteSpace and LineTerminator, what its {@code \s} matches, as the members of a Java class. */
    private static final String SPACE =
            "\\t\\n\\x0B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF";

    /** What ECMA-262's {@code .} matches, as Java writes it. */
    public static final String ANY_BUT_LINE_TERMINATORS = "[^\\n\\r\\u2028\\u2029]";

    /** The letters an escape may name in ECMA-262: classes, controls, code units, back-references, properties. */
    private static final String ECMA_LETTER_ESCAPES = "dDwWsSbBfnrtvcxukpP";

    private EcmaPatterns() {
    }

    /** The expression compiled for the JDK's engine, as JavaScript reads it. */
    public static Pattern compile(String ecma) {
        return Pattern.compile(RegularExpressions.replaceLongformCharacterProperties(
                RegularExpressions.replaceDollarAnchors(toJava(ecma))));
    }

    /** The expression as Java's {@link java.util.regex.Pattern} reads it with ECMA-262's meaning. */
    public static String toJava(String ecma) {
        StringBuilder java = new StringBuilder(ecma.length() + 8);
        java.util.Map<String, String> groups = groupNames(ecma);
        boolean inClass = false;
        // After a quantifier (1) or its lazy '?' (2): what JavaScript refuses to repeat again ("Nothing to repeat"),
        // and Java reads as possessive (a++) or as a second quantifier (x{2}{3}).
        int quantified = 0;
        int length = ecma.length();
        for (int i = 0; i < length; i++) {
            char c = ecma.charAt(i);
            int before = quantified;
            quantified = 0;
            if (c == '\\' && i + 1 < length) {
                i = escape(ecma, i, inClass, java, groups);
            } else if (!inClass && c == '(' && ecma.startsWith("(?<", i) && groupNameAt(ecma, i + 3) != null) {
                String name = groupNameAt(ecma, i + 3);
                java.append("(?<").append(groups.get(name)).append('>');
                i += 3 + name.length();
            } else if (inClass) {
                if (c == ']') {
                    inClass = false;
                    java.append(c);
                } else if (c == '[' || c == '&' && i + 1 < length && ecma.charAt(i + 1) == '&') {
                    java.append('\\').append(c);
                } else {
                    java.append(c);
                }
            } else if (c == '[') {
                if (ecma.startsWith("[^]", i)) {
                    java.append("[\\s\\S]");
                    i += 2;
                } else if (ecma.startsWith("[]", i)) {
                    java.append("(?!)");
                    i += 1;
                } else {
                    inClass = true;
                    java.append(c);
                    if (i + 1 < length && ecma.charAt(i + 1) == '^') {
                        java.append('^');
                        i++;
                    }
                    // A ']' first in an ECMA class closes it (the empty class above); never a literal, as in Java.
                }
            } else if (c == '{') {
                int end = quantifierEnd(ecma, i);
                if (end < 0) {
                    java.append("\\{");
                } else {
                    refuseRepeated(ecma, i, before);
                    java.append(ecma, i, end + 1);
                    i = end;
                    quantified = 1;
                }
            } else if (c == '.') {
                // Any character but ECMA-262's line terminators (Java's '.' leaves out U+0085 too).
                java.append(ANY_BUT_LINE_TERMINATORS);
            } else if (c == '}') {
                // Not a quantifier's end (that is taken with its '{'): a literal, which Java reads too; escaped anyway.
                java.append("\\}");
            } else if (c == '*' || c == '+' || c == '?') {
                if (c == '?' && before == 1) {
                    quantified = 2;
                } else {
                    refuseRepeated(ecma, i, before);
                    quantified = 1;
                }
                java.append(c);
            } else {
                if (c == '(' && i + 1 < length && ecma.charAt(i + 1) == '?' && !groupJavaScriptReads(ecma, i + 2)) {
                    // Java's (?i), (?>...), (?s)...: no group of ECMA-262's.
                    throw new java.util.regex.PatternSyntaxException("Invalid group", ecma, i);
                }
                java.append(c);
            }
        }
        return java.toString();
    }

    private static void refuseRepeated(String ecma, int at, int quantified) {
        if (quantified != 0) {
            throw new java.util.regex.PatternSyntaxException("Nothing to repeat", ecma, at);
        }
    }

    /** Whether what follows {@code (?} opens a group ECMA-262 has: non-capturing, a lookahead or a lookbehind. */
    private static boolean groupJavaScriptReads(String ecma, int at) {
        return ecma.startsWith(":", at) || ecma.startsWith("=", at) || ecma.startsWith("!", at)
                || ecma.startsWith("<=", at) || ecma.startsWith("<!", at);
    }

    /**
     * The escape at {@code at} (a backslash and what follows) as Java reads it; returns the index of its last
     * character. {@code \p{L}} and {@code \P{...}} go as written, {@code \\u{1F600}} as {@code \\x{1F600}}, {@code \0} as
     * NUL, and {@code \s} and {@code \S} as ECMA-262's whitespace, which is Unicode's (Java's is ASCII's).
     */
    private static int escape(String ecma, int at, boolean inClass, StringBuilder java,
                              java.util.Map<String, String> groups) {
        char next = ecma.charAt(at + 1);
        if (next == 'k' && groups.isEmpty()) {
            // Annex B: in a pattern without named groups, \k is the letter k (\k<x> matches "k<x>").
            java.append('k');
            return at + 1;
        }
        if (next == 'k' && at + 2 < ecma.length() && ecma.charAt(at + 2) == '<') {
            String name = groupNameAt(ecma, at + 3);
            if (name != null && groups.containsKey(name)) {
                java.append("\\k<").append(groups.get(name)).append('>');
                return at + 3 + name.length();
            }
        }
        boolean braced = at + 2 < ecma.length() && ecma.charAt(at + 2) == '{';
        int close = braced ? ecma.indexOf('}', at + 3) : -1;
        if ((next == 'p' || next == 'P') && close > 0) {
            java.append(ecma, at, close + 1);
            return close;
        }
        if (next == 'u' && close > 0) {
            java.append("\\x{").append(ecma, at + 3, close).append('}');
            return close;
        }
        if (next == 'b' || next == 'B') {
            // A word boundary of ASCII's word characters (Java's own reads é as one); in a class, a backspace.
            java.append(inClass ? "\\x08" : next == 'b' ? "(?:(?<=\\w)(?!\\w)|(?<!\\w)(?=\\w))"
                    : "(?:(?<=\\w)(?=\\w)|(?<!\\w)(?!\\w))");
        } else if (next == 'v') {
            java.append("\\x0B");
        } else if (Character.isLetter(next) && next < 128 && ECMA_LETTER_ESCAPES.indexOf(next) < 0) {
            // No escape in ECMA-262 (Annex B reads it as the letter itself); Java's \A, \z, \h, \Q... mean more.
            java.append(next);
        } else if (next == 's') {
            java.append(inClass ? SPACE : "[" + SPACE + "]");
        } else if (next == 'S') {
            // In a class too: Java takes a class within a class as their union.
            java.append("[^").append(SPACE).append(']');
        } else if (next == '0' && (at + 2 >= ecma.length() || !isAsciiDigit(ecma.charAt(at + 2)))) {
            java.append("\\x00");
        } else {
            java.append('\\').append(next);
        }
        return at + 1;
    }

    /**
     * Each named group's name as Java takes it: ECMA-262 allows '_', '$' and any letter in a name, Java only ASCII
     * letters then digits. A name Java refuses gets one of its own, which {@code \\k<name>} follows.
     */
    private static java.util.Map<String, String> groupNames(String ecma) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        for (int at = ecma.indexOf("(?<"); at >= 0; at = ecma.indexOf("(?<", at + 3)) {
            String name = groupNameAt(ecma, at + 3);
            if (name != null && (at == 0 || ecma.charAt(at - 1) != '\\')) {
                names.computeIfAbsent(name, n -> n.matches("[A-Za-z][A-Za-z0-9]*") ? n
                        : "g" + names.size() + n.replaceAll("[^A-Za-z0-9]", ""));
            }
        }
        return names;
    }

    /** The group name that starts at {@code at} and ends with '>', or null (a lookbehind, or no name). */
    private static String groupNameAt(String text, int at) {
        if (at >= text.length() || text.charAt(at) == '=' || text.charAt(at) == '!') {
            return null;
        }
        int end = text.indexOf('>', at);
        return end > at ? text.substring(at, end) : null;
    }

    /** Where a quantifier {@code {n}}, {@code {n,}} or {@code {n,m}} that starts at {@code at} ends; -1 if none does. */
    private static int quantifierEnd(String text, int at) {
        int i = at + 1;
        int digits = 0;
        while (i < text.length() && isAsciiDigit(text.charAt(i))) {
            i++;
            digits++;
        }
        if (digits == 0) {
            return -1;
        }
        if (i < text.length() && text.charAt(i) == ',') {
            i++;
            while (i < text.length() && isAsciiDigit(text.charAt(i))) {
                i++;
            }
        }
        return i < text.length() && text.charAt(i) == '}' ? i : -1;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
