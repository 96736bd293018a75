package dev.hookstub.openapi;

import java.util.regex.Pattern;

/**
 * Names that say they hold a secret, whatever the spec declares: a header ({@code X-Auth-Token}), a query parameter
 * ({@code access_token}) or a JSON member ({@code signingSecret}) whose name holds {@code secret}, {@code token},
 * {@code password}, {@code authorization}, {@code api-key} (or {@code apikey}, {@code api_key}) or
 * {@code credential}, in any case. A real sandbox's traffic carries credentials its document never names, and each
 * place that writes it down masks these as it masks the declared ones.
 */
public final class SecretNames {

    /** The same words as {@link #looksSecret}, for a pattern over text; a name holds one of them. */
    public static final String WORDS = "secret|token|password|authorization|api[-_]?key|credential";

    private static final Pattern WORD = Pattern.compile(WORDS, Pattern.CASE_INSENSITIVE);

    private SecretNames() {
    }

    /**
     * Whether the name holds one of {@link #WORDS}. One pass over the name, with no pattern and no copy: it runs for
     * every header of every request the journal keeps.
     */
    public static boolean looksSecret(CharSequence name) {
        int length = name.length();
        for (int i = 0; i < length; i++) {
            boolean found = switch (name.charAt(i) | 0x20) {
                case 's' -> holds(name, i, "secret");
                case 't' -> holds(name, i, "token");
                case 'p' -> holds(name, i, "password");
                case 'a' -> holds(name, i, "authorization") || holds(name, i, "apikey")
                        || holds(name, i, "api-key") || holds(name, i, "api_key");
                case 'c' -> holds(name, i, "credential");
                default -> false;
            };
            if (found) {
                return true;
            }
        }
        return false;
    }

    /** The pattern of {@link #WORDS}, case-insensitive, for callers that search text rather than a name. */
    public static Pattern pattern() {
        return WORD;
    }

    private static boolean holds(CharSequence name, int at, String word) {
        if (at + word.length() > name.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            // Lower-casing by setting bit 5 is exact for letters; the words' other characters ('-', '_') are
            // compared as they are.
            char c = name.charAt(at + i);
            char w = word.charAt(i);
            if (Character.isLetter(w) ? (c | 0x20) != w : c != w) {
                return false;
            }
        }
        return true;
    }
}
