package dev.hookstub.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Holds a character test written out by hand (where a regular expression cost too much per request) to the
 * regular expression it stands for, on random strings: mostly short ones, every hundredth near a length limit.
 */
public final class SameAsRegex {

    private SameAsRegex() {
    }

    /**
     * @param alphabet the characters to mix, the ones that matter and some that must be refused
     * @param prefixes what each string starts with, one drawn at random for each (such as "" or "[")
     * @param longest  about how long the long strings get: a limit of the expression, give or take ten
     */
    public static void assertSame(Pattern regex, Predicate<String> written, String alphabet, String[] prefixes,
                                  int longest, int strings) {
        Random random = new Random(20261206);
        for (int i = 0; i < strings; i++) {
            StringBuilder value = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
            int length = i % 100 == 0 ? longest - 10 + random.nextInt(20) : random.nextInt(9);
            for (int c = 0; c < length; c++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertEquals(regex.matcher(value).matches(), written.test(value.toString()), value::toString);
        }
    }
}
