package dev.hookstub.server.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ids and secrets: the asked length, only the alphabet's characters, each as likely as another, none repeated. */
class IdGeneratorTest {

    private final IdGenerator ids = new IdGenerator();

    @Test
    void eachCharacterOfTheAlphabetIsEquallyLikely() {
        assertUniform(ids::lowerAlphanumeric, "abcdefghijklmnopqrstuvwxyz0123456789");
        assertUniform(ids::alphanumeric, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    }

    @Test
    void idsHaveTheAskedLengthAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int length : new int[] {1, 14, 20, 100}) {
            for (int i = 0; i < 2_000; i++) {
                String id = ids.alphanumeric(length);
                assertEquals(length, id.length());
                if (length >= 14) {
                    assertTrue(seen.add(id), id);
                }
            }
        }
    }

    private static void assertUniform(java.util.function.IntFunction<String> draw, String alphabet) {
        Map<Character, Integer> counts = new HashMap<>();
        int draws = 20_000;
        int length = 20;
        for (int i = 0; i < draws; i++) {
            for (char c : draw.apply(length).toCharArray()) {
                assertTrue(alphabet.indexOf(c) >= 0, "not in the alphabet: " + c);
                counts.merge(c, 1, Integer::sum);
            }
        }
        assertEquals(alphabet.length(), counts.size(), "every character drawn");
        // 400,000 characters: a character's count strays from its expectation by more than 10 % with a probability
        // far below one in a billion, while a bias of the modulo kind (some characters 25 % likelier) is far beyond.
        double expected = (double) draws * length / alphabet.length();
        counts.forEach((c, n) -> assertTrue(Math.abs(n - expected) < expected * 0.10,
                c + " drawn " + n + " times, expected about " + Math.round(expected)));
    }
}
