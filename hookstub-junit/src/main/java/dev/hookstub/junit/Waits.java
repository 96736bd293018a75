package dev.hookstub.junit;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting, bounded, for something a stub does in the background: a delivery, a retry, another instance. */
public final class Waits {

    private static final long POLL_MILLIS = 10;

    private Waits() {
    }

    /** Polls until {@code condition} holds; fails with {@code what} (asked once, at the end) after {@code timeout}. */
    public static void until(BooleanSupplier condition, Duration timeout, Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what.get());
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
