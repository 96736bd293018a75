package dev.hookstub.conformance.checks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.openapi.EcmaPatterns;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Strings generated for a pattern match it as JavaScript reads it, characters beyond 16 bits included. */
class PatternStringsTest {

    @ParameterizedTest
    @ValueSource(strings = {"^\\u{1F600}+$", "^x\\uD83D\\uDE00{2}y$", "^{[0-9a-f]{8}}$", "^\\p{Lu}\\p{Ll}+$",
            "^a\\sb$", "^a.{3}b$"})
    void aStringMatchingThePatternIsMade(String pattern) {
        Optional<String> made = new PatternStrings(new Random(7)).matching(pattern, 0, 100);
        assertTrue(made.isPresent(), "nothing made for " + pattern);
        assertTrue(EcmaPatterns.compile(pattern).matcher(made.get()).find(), made.get());
        // A '.' is drawn from plain characters: a '/' or a control character in a path tests the transport.
        assertTrue(made.get().codePoints().noneMatch(c -> c == '/' || Character.isISOControl(c)), made.get());
    }
}
