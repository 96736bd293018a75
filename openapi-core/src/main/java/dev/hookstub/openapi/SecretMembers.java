package dev.hookstub.openapi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Hides, in a body's text, the value of each member whose name {@linkplain SecretNames looks secret}: a JSON
 * member ({@code "signingSecret": "..."}, at any depth) or a form field ({@code client_secret=...}). The text is
 * otherwise left as it was sent, spacing and order included, and it may be cut short (a journal keeps 8 KiB): what
 * shows it to a reader masks it here, while what matches on it (the journal's {@code count}) reads it as sent.
 */
public final class SecretMembers {

    private SecretMembers() {
    }

    /**
     * @param contentType the body's media type as sent; a form's fields are masked for
     *                    {@code application/x-www-form-urlencoded}, JSON members for anything else
     * @param mask        what stands for each hidden value
     * @return the text with each secret member's value replaced by {@code mask}; null stays null
     */
    public static String mask(String body, String contentType, String mask) {
        if (body == null || body.isEmpty()) {
            return body;
        }
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("x-www-form-urlencoded")) {
            return form(body, mask);
        }
        return json(body, mask);
    }

    /**
     * One pass over the text, string by string: a string followed by a colon is a member name, and the string value
     * after a secret one is replaced (to the end of the text when it was cut short inside it). A string value that
     * holds a word is no name. Not a regular expression: Java's engine recurses per character of a repeated group,
     * and a value of a few thousand characters overflowed the stack.
     */
    private static String json(String body, String mask) {
        StringBuilder out = null;
        int copied = 0;
        int length = body.length();
        for (int i = 0; i < length; ) {
            if (body.charAt(i) != '"') {
                i++;
                continue;
            }
            int nameEnd = stringEnd(body, i);
            int colon = skipSpace(body, nameEnd);
            if (colon >= length || body.charAt(colon) != ':'
                    || !SecretNames.looksSecret(body.subSequence(i + 1, Math.max(i + 1, nameEnd - 1)))) {
                i = nameEnd;
                continue;
            }
            int value = skipSpace(body, colon + 1);
            if (value >= length || body.charAt(value) != '"') {
                i = value;
                continue;
            }
            int valueEnd = stringEnd(body, value);
            out = out == null ? new StringBuilder(length) : out;
            out.append(body, copied, value).append('"').append(mask).append('"');
            copied = valueEnd;
            i = valueEnd;
        }
        return out == null ? body : out.append(body, copied, length).toString();
    }

    /** Just past the closing quote of the string that opens at {@code quote}; the text's end if it has none. */
    private static int stringEnd(String text, int quote) {
        for (int i = quote + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1;
            }
        }
        return text.length();
    }

    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\n'
                || text.charAt(i) == '\r')) {
            i++;
        }
        return i;
    }

    private static String form(String body, String mask) {
        StringBuilder out = new StringBuilder(body.length());
        String[] pairs = body.split("&", -1);
        for (int i = 0; i < pairs.length; i++) {
            String pair = pairs[i];
            int equals = pair.indexOf('=');
            out.append(i == 0 ? "" : "&");
            if (equals > 0 && SecretNames.looksSecret(decoded(pair.substring(0, equals)))) {
                out.append(pair, 0, equals + 1).append(mask);
            } else {
                out.append(pair);
            }
        }
        return out.toString();
    }

    private static String decoded(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // A stray '%': the name as it is, which still shows a word it holds.
            return name;
        }
    }
}
