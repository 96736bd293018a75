package dev.hookstub.openapi;

/**
 * A schema's {@code pattern} is an ECMA-262 regular expression (JSON Schema, OpenAPI), and specs are written for
 * JavaScript's engine, which takes in its web-compatible grammar (Annex B) what Java's refuses or reads otherwise:
 * <ul>
 *   <li>a {@code {} that starts no quantifier is a literal ({@code ^{[a-z]+}$}); Java refuses it;</li>
 *   <li>{@code [^]} is any character and {@code []} none; Java refuses both;</li>
 *   <li>in a class, {@code [} and {@code &&} are literals; Java reads a nested class and an intersection;</li>
 *   <li>{@code \0} is the NUL character; Java wants octal digits after it.</li>
 * </ul>
 * {@link #toJava} rewrites those and leaves the rest as written, so that one expression means the same to the
 * validator and to what generates values for it. (The JSON Schema library rewrites {@code $} and long Unicode
 * property names itself.)
 */
public final class EcmaPatterns {

    private EcmaPatterns() {
    }

    /** The expression as Java's {@link java.util.regex.Pattern} reads it with ECMA-262's meaning. */
    public static String toJava(String ecma) {
        StringBuilder java = new StringBuilder(ecma.length() + 8);
        boolean inClass = false;
        int length = ecma.length();
        for (int i = 0; i < length; i++) {
            char c = ecma.charAt(i);
            if (c == '\\' && i + 1 < length) {
                char next = ecma.charAt(i + 1);
                if (next == '0' && (i + 2 >= length || !isAsciiDigit(ecma.charAt(i + 2)))) {
                    java.append("\\x00");
                } else {
                    java.append(c).append(next);
                }
                i++;
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
                    java.append(ecma, i, end + 1);
                    i = end;
                }
            } else if (c == '}') {
                // Not a quantifier's end (that is taken with its '{'): a literal, which Java reads too; escaped anyway.
                java.append("\\}");
            } else {
                java.append(c);
            }
        }
        return java.toString();
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
