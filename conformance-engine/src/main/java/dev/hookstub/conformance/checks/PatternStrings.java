package dev.hookstub.conformance.checks;

import com.github.curiousoddman.rgxgen.RgxGen;
import com.github.curiousoddman.rgxgen.config.RgxGenOption;
import com.github.curiousoddman.rgxgen.config.RgxGenProperties;
import com.github.curiousoddman.rgxgen.model.RgxGenCharsDefinition;
import com.github.curiousoddman.rgxgen.model.SymbolRange;
import dev.hookstub.openapi.EcmaPatterns;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strings that match a schema's {@code pattern}, generated from the expression itself (RgxGen), within the schema's
 * lengths. JSON Schema's {@code pattern} is not anchored, and a full match is also a match; each candidate is checked
 * with the JDK's own engine (the expression {@linkplain EcmaPatterns read as JavaScript reads it}) before it is handed
 * out, and an expression neither can read gives nothing. A {@code .}
 * stands for a letter, a digit, '-' or '_': any character would do for the expression, but a '/' or a control
 * character in a path or a header tests the transport, not the contract.
 */
final class PatternStrings {

    private static final int ATTEMPTS = 12;
    /** {@code \\x{HEX}}, or a high and a low surrogate each written {@code \\uHHHH}. */
    private static final Pattern ASTRAL = Pattern.compile(
            "\\\\x\\{([0-9A-Fa-f]{5,6})\\}|\\\\u(D[89AB][0-9A-F]{2})\\\\u(D[C-F][0-9A-F]{2})",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, Optional<Compiled>> COMPILED = new ConcurrentHashMap<>();
    private static final RgxGenProperties PLAIN_DOT = new RgxGenProperties();

    static {
        RgxGenOption.DOT_MATCHES_ONLY.setInProperties(PLAIN_DOT, RgxGenCharsDefinition.of(
                SymbolRange.range('a', 'z'), SymbolRange.range('A', 'Z'), SymbolRange.range('0', '9'))
                .withCharacters('-', '_'));
    }

    private record Compiled(RgxGen generator, Pattern pattern) {
    }

    private final Random random;

    PatternStrings(Random random) {
        this.random = random;
    }

    Optional<String> matching(String expression, int minLength, int maxLength) {
        Optional<Compiled> compiled = COMPILED.computeIfAbsent(expression, PatternStrings::compile);
        if (compiled.isEmpty()) {
            return Optional.empty();
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String candidate;
            try {
                candidate = compiled.get().generator().generate(random);
            } catch (RuntimeException e) {
                return Optional.empty();
            }
            if (candidate.length() >= minLength && candidate.length() <= maxLength
                    && compiled.get().pattern().matcher(candidate).find()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * A character beyond the 16-bit range outside a class ({@code \\x{1F600}}, or the surrogate pair
     * {@code \\uD83D\\uDE00}) as the character itself, in a group of its own: RgxGen reads neither escape as one
     * character, and reads the character as two, so that a quantifier after it repeated half of it. (In a class it
     * stays as it is: RgxGen cannot make such a class's characters, and nothing is generated.)
     */
    static String astralAsWritten(String java) {
        StringBuilder out = new StringBuilder(java.length());
        boolean inClass = false;
        for (int i = 0; i < java.length(); i++) {
            char c = java.charAt(i);
            if (c == '\\' && i + 1 < java.length()) {
                Matcher escape = ASTRAL.matcher(java).region(i, java.length());
                if (!inClass && escape.lookingAt()) {
                    int codePoint = escape.group(1) != null ? Integer.parseInt(escape.group(1), 16)
                            : Character.toCodePoint((char) Integer.parseInt(escape.group(2), 16),
                                    (char) Integer.parseInt(escape.group(3), 16));
                    if (codePoint > 0xFFFF) {
                        out.append("(?:").appendCodePoint(codePoint).append(')');
                        i = escape.end() - 1;
                        continue;
                    }
                }
                out.append(c).append(java.charAt(++i));
            } else {
                inClass = c == '[' || inClass && c != ']';
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Optional<Compiled> compile(String expression) {
        try {
            // RgxGen makes '.' of plain characters (PLAIN_DOT); the rewrite of '.' as "not a line terminator" would
            // let it draw any other, '/' and controls too.
            String forGeneration = EcmaPatterns.toJava(expression).replace(EcmaPatterns.ANY_BUT_LINE_TERMINATORS, ".");
            return Optional.of(new Compiled(RgxGen.parse(PLAIN_DOT, astralAsWritten(forGeneration)),
                    EcmaPatterns.compile(expression)));
        } catch (RuntimeException e) {
            // Not an expression the JDK reads even as JavaScript would, or one RgxGen cannot generate from.
            return Optional.empty();
        }
    }
}
