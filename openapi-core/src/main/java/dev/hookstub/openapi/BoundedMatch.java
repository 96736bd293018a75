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
 *       take {@link #BUDGET_MILLIS}.</li>
 * </ul>
 * A value beyond either is not held to the pattern (logged once per pattern), rather than refused for a fault of
 * the engine or waited for.
 */
public final class BoundedMatch {

    /** What one match may take: real patterns on real values take microseconds. */
    static final long BUDGET_MILLIS = 200;
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
                LOG.warning("The pattern " + ecma + " cannot be read (" + unreadable.getMessage().lines().findFirst()
                        .orElse("") + "); no value is held to it.");
            }
            return value -> true;
        }
        return value -> find(pattern, value);
    }

    /** Whether the pattern matches somewhere in {@code value} (JSON Schema's patterns are not anchored). */
    public static boolean find(Pattern pattern, String value) {
        long deadline = System.nanoTime() + BUDGET_MILLIS * 1_000_000;
        try {
            return pattern.matcher(new Budgeted(value, deadline)).find();
        } catch (StackOverflowError deep) {
            return findOnADeepStack(pattern, value, deadline);
        } catch (OverBudget slow) {
            return notHeld(pattern, value, "it took longer than " + BUDGET_MILLIS + " ms");
        }
    }

    private static boolean findOnADeepStack(Pattern pattern, String value, long deadline) {
        try {
            return DeepStack.call(() -> pattern.matcher(new Budgeted(value, deadline)).find());
        } catch (OverBudget slow) {
            return notHeld(pattern, value, "it took longer than " + BUDGET_MILLIS + " ms");
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

    /** The match ran past its deadline. No stack trace: it is expected, and caught at once. */
    private static final class OverBudget extends RuntimeException {

        OverBudget() {
            super(null, null, false, false);
        }
    }

    /** The value as the engine reads it, which looks at the clock every few thousand characters it reads. */
    private static final class Budgeted implements CharSequence {

        private final String text;
        private final long deadline;
        private int reads;

        Budgeted(String text, long deadline) {
            this.text = text;
            this.deadline = deadline;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0xFFF) == 0 && System.nanoTime() - deadline > 0) {
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
