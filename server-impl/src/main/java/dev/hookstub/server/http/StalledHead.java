package dev.hookstub.server.http;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Watches a request whose head has begun to arrive: if no byte of it arrives for the stall timeout, the head is
 * refused (a 408, RFC 9110 §15.5.9) by {@code refusal}, once. Grizzly waits for the rest of a head until the
 * connection's idle timeout, then closes it without a word; its read timeout covers only a body being read.
 */
final class StalledHead {

    /** One thread for every server's watches: each runs for an instant, when a stalled head is due. */
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final long timeoutNanos;
    private final Runnable refusal;
    private long lastProgress = System.nanoTime();
    /** The head arrived in full, or was refused: nothing more to watch. */
    private boolean over;

    private StalledHead(long timeoutNanos, Runnable refusal) {
        this.timeoutNanos = timeoutNanos;
        this.refusal = refusal;
    }

    /** Starts watching a head that has begun to arrive: {@code refusal} runs if it stalls. */
    static StalledHead watch(long timeoutNanos, Runnable refusal) {
        StalledHead head = new StalledHead(timeoutNanos, refusal);
        head.checkIn(timeoutNanos);
        return head;
    }

    /** More of the head arrived. False if it was refused already (then what arrived is to be dropped). */
    synchronized boolean progressed() {
        lastProgress = System.nanoTime();
        return !over;
    }

    /** The head arrived in full, or was refused otherwise. */
    synchronized void end() {
        over = true;
    }

    private void checkIn(long nanos) {
        TIMER.schedule(this::check, nanos, TimeUnit.NANOSECONDS);
    }

    private synchronized void check() {
        if (over) {
            return;
        }
        long left = lastProgress + timeoutNanos - System.nanoTime();
        if (left > 0) {
            checkIn(left);
            return;
        }
        over = true;
        refusal.run();
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "hookstub-stalled-heads");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
