package dev.hookstub.openapi;

import com.networknt.schema.regex.RegularExpression;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * A schema's pattern evaluated on a value from anyone (a request through the proxy, an answer to {@code check}),
 * within bounds, as the JDK's engine on its own has none:
 * <ul>
 *   <li>it recurses once per character a repeated group takes: {@code ^(?:[a-z]|[0-9])*$} on a value of 50,000
 *       characters overflowed the stack of the thread that judged it, and the client got a 500. It is tried once
 *       more on a thread with a deep stack;</li>
 *   <li>it backtracks without limit where its memo of loops cannot help: {@code ^((a+)+)\2$} on thirty {@code a}
 *       and a {@code !} takes 24 s, and the proxy judges a GET on a thread that reads many connections. A match may
 *       read the value's characters {@link #BUDGET_READS} times: real patterns on real values read each a few times
 *       (a linear pattern on a 10 MB value reads it about as often as this), and the engine reads some hundred
 *       million a second, so a match ends within a fraction of a second. The budget counts reads, not time, so
 *       that what is judged does not depend on how busy the machine is: at 200 ms, a value of 50,000 characters
 *       was judged on a quiet machine and not on a loaded one.</li>
 * </ul>
 * A value beyond either is not held to the pattern (logged once per pattern), rather than refused for a fault of
 * the engine or waited for.
 */
public final class BoundedMatch {

    /** How many times one match may read a character of the value. */
    static final long BUDGET_READS = 25_000_000;
    private static final Logger LOG = Logger.getLogger(BoundedMatch.class.getName());
    private static final Set<String> TOLD = ConcurrentHashMap.newKeySet();

    private BoundedMatch() {
    }

    /**
     * The JSON Schema library's matcher of a schema's {@code pattern}. One that cannot be read even as JavaScript
     * reads it (its syntax, a property class Java lacks) holds no value to it and is logged once: a 500 for every
     * request of the operation, and the upstream's answer lost, was what it cost.
     */
    public static RegularExpression of(String ecma) {
        Pattern pattern;
        try {
            pattern = EcmaPatterns.compile(ecma);
        } catch (IllegalArgumentException unreadable) {
            // PatternSyntaxException, or a property name Java does not know.
            if (TOLD.add(ecma)) {
                LOG.warning("The pattern " + ecma + " cannot be read (" + UnreadablePatterns.reason(unreadable)
                        + "); no value is held to it.");
            }
            return value -> true;
        }
        return value -> find(pattern, value);
    }

    /** Whether the pattern matches somewhere in {@code value} (JSON Schema's patterns are not anchored). */
    public static boolean find(Pattern pattern, String value) {
        try {
            return pattern.matcher(new Budgeted(value)).find();
        } catch (StackOverflowError deep) {
            return findOnADeepStack(pattern, value);
        } catch (OverBudget slow) {
            return notHeld(pattern, value, OVER_BUDGET);
        }
    }

    private static final String OVER_BUDGET = "it read the value more than " + BUDGET_READS + " times, backtracking";

    private static boolean findOnADeepStack(Pattern pattern, String value) {
        try {
            return DeepStack.call(() -> pattern.matcher(new Budgeted(value)).find());
        } catch (OverBudget slow) {
            return notHeld(pattern, value, OVER_BUDGET);
        } catch (StackOverflowError deeper) {
            return notHeld(pattern, value, "the engine ran out of stack");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (Exception unexpected) {
            return notHeld(pattern, value, unexpected.toString());
        }
    }

    private static boolean notHeld(Pattern pattern, String value, String why) {
        if (TOLD.add(pattern.pattern())) {
            LOG.warning("The pattern " + pattern.pattern() + " could not be evaluated on a value of " + value.length()
                    + " characters (" + why + "); such values are not held to it.");
        }
        return true;
    }

    /** The match read past its budget. No stack trace: it is expected, and caught at once. */
    private static final class OverBudget extends RuntimeException {

        OverBudget() {
            super(null, null, false, false);
        }
    }

    /** The value as the engine reads it, which counts the engine's reads against the budget. */
    private static final class Budgeted implements CharSequence {

        private final String text;
        private long reads;

        Budgeted(String text) {
            this.text = text;
        }

        @Override
        public char charAt(int index) {
            if (++reads > BUDGET_READS) {
                throw new OverBudget();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
