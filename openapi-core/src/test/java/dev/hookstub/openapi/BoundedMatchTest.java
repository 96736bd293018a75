package dev.hookstub.openapi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BoundedMatchTest {

    @Test
    void aLongValueIsJudgedThoughTheEngineRecursesPerCharacter() throws InterruptedException {
        Pattern repeated = EcmaPatterns.compile("^(?:[a-z]|[0-9])*$");
        boolean[] found = new boolean[2];
        // A small stack, so that the engine overflows it on the first try (a thread of 1 MiB did at 50,000).
        Thread small = new Thread(null, () -> {
            found[0] = BoundedMatch.find(repeated, "a1".repeat(50_000));
            found[1] = BoundedMatch.find(repeated, "a1".repeat(50_000) + "-");
        }, "small-stack", 256 * 1024);
        small.start();
        small.join();
        assertTrue(found[0], "matches");
        assertFalse(found[1], "does not match");
    }

    @Test
    void aMatchThatBacktracksWithoutEndIsCutOffAndTheValueNotHeldToIt() {
        // Nested quantifiers and a back-reference (which the JDK's memo of loops cannot cover) on a value that
        // almost matches: 24 s for 30 characters without the budget.
        Pattern nested = EcmaPatterns.compile("^((a+)+)\\2$");
        long started = System.nanoTime();
        assertTrue(BoundedMatch.find(nested, "a".repeat(30) + "!"), "not held to the pattern");
        long millis = (System.nanoTime() - started) / 1_000_000;
        // Its budget is reads (a fraction of a second's), not time: this only shows it was not waited for.
        assertTrue(millis < 10_000, "cut off after its budget, not waited for: " + millis);
        assertFalse(BoundedMatch.find(nested, "a!"), "a short value is judged as ever");
        assertTrue(BoundedMatch.find(nested, "aaaa"));
    }

    @Test
    void aPatternNoEngineHereCanReadHoldsNoValueToIt() {
        // An unclosed class: JavaScript refuses it too. The schema's other keywords still hold.
        var unreadable = BoundedMatch.of("^[a-z");
        assertTrue(unreadable.matches("anything"));
        assertTrue(BoundedMatch.of("^\\p{L}+$").matches("h\u00E9llo"), "a property class is read");
        assertFalse(BoundedMatch.of("^\\p{L}+$").matches("h3llo"));
    }
}
