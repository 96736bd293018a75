package dev.hookstub.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EcmaPatternsTest {

    /**
     * Each expected result is what node 20's {@code new RegExp(pattern).test(input)} answered: the meaning a spec's
     * author saw. Java's engine refused most of these expressions as written.
     */
    static Stream<Arguments> asJavaScriptReadsThem() {
        return Stream.of(
                Arguments.of("^a.b$", "a\u0085b", true),
                Arguments.of("^a.b$", "a\nb", false),
                Arguments.of("^a.b$", "a\u2028b", false),
                Arguments.of("^a.b$", "axb", true),
                Arguments.of("\\bfoo\\b", "\u00E9foo", true),
                Arguments.of("\\bfoo\\b", "afoo", false),
                Arguments.of("\\bfoo\\b", "foo bar", true),
                Arguments.of("\\Bfoo", "\u00E9foo", false),
                Arguments.of("\\Bfoo", "afoo", true),
                Arguments.of("^\\h$", "h", true),
                Arguments.of("^\\h$", " ", false),
                Arguments.of("^\\A\\z$", "Az", true),
                Arguments.of("^\\A\\z$", "z", false),
                Arguments.of("^[\\b]$", "\u0008", true),
                Arguments.of("^[\\b]$", "b", false),
                Arguments.of("^\\v$", "\u000B", true),
                Arguments.of("^\\v$", "\n", false),
                Arguments.of("^{[a-z]+}$", "{abc}", true),
                Arguments.of("^{[a-z]+}$", "abc", false),
                Arguments.of("^{[a-z]+}$", "{ab1}", false),
                Arguments.of("^\\{?[0-9a-f]{8}-[0-9a-f]{4}\\}?$", "{0123abcd-ef01}", true),
                Arguments.of("^\\{?[0-9a-f]{8}-[0-9a-f]{4}\\}?$", "0123abcd-ef01", true),
                Arguments.of("^\\{?[0-9a-f]{8}-[0-9a-f]{4}\\}?$", "0123abcd-ef0", false),
                Arguments.of("^{?[0-9a-f]{8}}?$", "{0123abcd}", true),
                Arguments.of("^{?[0-9a-f]{8}}?$", "0123abcd", true),
                Arguments.of("^{?[0-9a-f]{8}}?$", "0123abc", false),
                Arguments.of("^a{2,}b{,3}$", "aab{,3}", true),
                Arguments.of("^a{2,}b{,3}$", "aaab", false),
                Arguments.of("^a{2,}b{,3}$", "ab{,3}", false),
                Arguments.of("^x{1,2}}$", "x}", true),
                Arguments.of("^x{1,2}}$", "xx}", true),
                Arguments.of("^x{1,2}}$", "xxx}", false),
                Arguments.of("^[^]+$", "a\nb", true),
                Arguments.of("^[^]+$", "", false),
                Arguments.of("^a[]b$", "ab", false),
                Arguments.of("^a[]b$", "a]b", false),
                Arguments.of("^[a[b]+$", "a[b", true),
                Arguments.of("^[a[b]+$", "ab]", false),
                Arguments.of("^[a&&b]+$", "a&b", true),
                Arguments.of("^[a&&b]+$", "&&", true),
                Arguments.of("^[a&&b]+$", "ab", true),
                Arguments.of("^a\\0b$", "a\u0000b", true),
                Arguments.of("^a\\0b$", "a0b", false),
                Arguments.of("^[\\]a]+$", "]a", true),
                Arguments.of("^[\\]a]+$", "b", false),
                Arguments.of("^\\d{3}$", "123", true),
                Arguments.of("^\\d{3}$", "12", false),
                Arguments.of("^[{}]+$", "{}", true),
                Arguments.of("^[{}]+$", "a", false),
                Arguments.of("^{}$", "{}", true),
                Arguments.of("^{}$", "", false),
                Arguments.of("^a{b$", "a{b", true),
                Arguments.of("^a{b$", "ab", false));
    }

    /** The same, with the Unicode flag JSON Schema's validators set (its property classes and code points). */
    static Stream<Arguments> inUnicodeMode() {
        return Stream.of(
                Arguments.of("^(?<first_name>[a-z]+)-\\k<first_name>$", "ab-ab", true),
                Arguments.of("^(?<first_name>[a-z]+)-\\k<first_name>$", "ab-cd", false),
                Arguments.of("^(?<$x>a)\\k<$x>$", "aa", true),
                Arguments.of("^(?<$x>a)\\k<$x>$", "ab", false),
                Arguments.of("(?<=a)b", "ab", true),
                Arguments.of("(?<=a)b", "cb", false),
                Arguments.of("(?<!a)b", "ab", false),
                Arguments.of("(?<!a)b", "cb", true),
                Arguments.of("^(?<year>\\d{4})-(?<mo>\\d{2})$", "2024-05", true),
                Arguments.of("^(?<year>\\d{4})-(?<mo>\\d{2})$", "24-05", false),
                Arguments.of("^\\p{L}+$", "h\u00E9llo", true),
                Arguments.of("^\\p{L}+$", "h3llo", false),
                Arguments.of("^\\P{Lu}+$", "abc", true),
                Arguments.of("^\\P{Lu}+$", "aBc", false),
                Arguments.of("^[\\p{Lu}\\d]+$", "AB1", true),
                Arguments.of("^[\\p{Lu}\\d]+$", "ab", false),
                Arguments.of("^\\u{1F600}$", "\uD83D\uDE00", true),
                Arguments.of("^\\u{1F600}$", "x", false),
                Arguments.of("^\\s$", "\u00A0", true),
                Arguments.of("^\\s$", "\uFEFF", true),
                Arguments.of("^\\s$", " ", true),
                Arguments.of("^\\s$", "x", false),
                Arguments.of("^\\S+$", "a\u00A0b", false),
                Arguments.of("^\\S+$", "ab", true),
                Arguments.of("^[\\s,]+$", "\u3000,", true),
                Arguments.of("^[\\s,]+$", "a", false),
                Arguments.of("^[^\\S]+$", "\u2028 ", true),
                Arguments.of("^[^\\S]+$", "a", false));
    }

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @MethodSource("inUnicodeMode")
    void aUnicodeExpressionMeansInJavaWhatItMeansInJavaScript(String pattern, String input, boolean matches) {
        assertEquals(matches, Pattern.compile(EcmaPatterns.toJava(pattern)).matcher(input).find());
    }

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @MethodSource("asJavaScriptReadsThem")
    void anExpressionMeansInJavaWhatItMeansInJavaScript(String pattern, String input, boolean matches) {
        assertEquals(matches, Pattern.compile(EcmaPatterns.toJava(pattern)).matcher(input).find());
    }

    @Test
    void whatBothEnginesReadAlikeIsLeftAsWritten() {
        for (String same : new String[] {"^[a-z]{2,8}$", "^\\d+(\\.\\d{1,2})?$", "[^a-z]", "^(?<id>[A-Z]{3})-\\1$",
                "a{2}?b", "\\\\{2}"}) {
            assertEquals(same, EcmaPatterns.toJava(same));
        }
    }

    /**
     * What node 20's RegExp refuses (with and without the u flag) and Java reads, as possessive quantifiers, a
     * quantifier of a quantifier or inline flags: unreadable here too, so that such a pattern holds no value and is
     * named, rather than held to a meaning its author never saw (an outside run: x{2}{3} failed a server for "does
     * not match" on a value JavaScript's reading would never judge).
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"x{2}{3}", "a++", "a*+", "a?+", "a{2}??", "(?i)abc",
            "(?>a)b", "(?s)a"})
    void whatJavaScriptRefusesIsRefused(String pattern) {
        assertThrows(java.util.regex.PatternSyntaxException.class, () -> EcmaPatterns.compile(pattern));
        assertTrue(UnreadablePatterns.why(pattern).isPresent(), pattern);
    }

    /** And what it reads near those, as node 20 reads it. */
    @ParameterizedTest(name = "{0} on {1}: {2}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {"a{2}?b|aab|true", "a+?b|aab|true",
            "x{2}{y|xx{y|true", "(?<=a)b|ab|true", "(?<!a)b|ab|false", "a*?|b|true", "\\k<x>|k<x>|true",
            "\\k<x>|aab|false", "(?<n>a)\\k<n>|aa|true", "(?<n>a)\\k<n>|ab|false"})
    void whatJavaScriptReadsNearThemIsRead(String pattern, String input, boolean matches) {
        assertEquals(matches, EcmaPatterns.compile(pattern).matcher(input).find(), pattern + " on " + input);
    }

    @Test
    void dollarIsTheEndOfTheTextAsInJavaScript() {
        assertEquals(false, EcmaPatterns.compile("^a$").matcher("a\n").find());
        assertEquals(true, EcmaPatterns.compile("^a$").matcher("a").find());
    }
}
