package dev.hookstub.openapi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides, in a body's text, the value of each member whose name {@linkplain SecretNames looks secret}: a JSON
 * member ({@code "signingSecret": "..."}, at any depth) or a form field ({@code client_secret=...}). The text is
 * otherwise left as it was sent, spacing and order included, and it may be cut short (a journal keeps 8 KiB): what
 * shows it to a reader masks it here, while what matches on it (the journal's {@code count}) reads it as sent.
 */
public final class SecretMembers {

    /**
     * A member whose name holds a secret word, and its string value. Only a member name is followed by a colon, so
     * a string value that holds a word is left alone.
     */
    private static final Pattern JSON_MEMBER = Pattern.compile(
            "(\"[^\"]*(?:" + SecretNames.WORDS + ")[^\"]*\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
            Pattern.CASE_INSENSITIVE);

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
        Matcher members = JSON_MEMBER.matcher(body);
        return members.find() ? members.replaceAll("$1" + Matcher.quoteReplacement("\"" + mask + "\"")) : body;
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
