package dev.hookstub.server.delivery;

import dev.hookstub.server.clock.StubClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Attempts waiting for the stub's clock: a scheduler thread hands each one, when the clock reaches it, to a small
 * fixed pool of workers. It sleeps until the earliest while the clock runs, not at all while it is frozen, and looks
 * again at every {@link #wake()} (the clock was set or advanced), so that every attempt that became due then runs at
 * once, earliest first.
 */
final class ClockScheduler {

    /** The scheduler may run a task a hair before the wall clock says the delivery is due. */
    private static final Duration EARLY_TOLERANCE = Duration.ofMillis(50);

    private final StubClock clock;
    private final Consumer<String> attempt;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;
    /** Attempts waiting for their time, earliest first; touched by the scheduler thread only. */
    private final PriorityQueue<Due> due = new PriorityQueue<>();
    /** The ids in {@link #due}, so that a poll adds each waiting delivery once; scheduler thread only. */
    private final Set<String> queued = new HashSet<>();
    /** The scheduler's wake-up for the earliest attempt while the clock runs; scheduler thread only. */
    private ScheduledFuture<?> wakeUp;
    private volatile boolean stopped;

    /** @param attempt what a worker does with the id of a delivery that is due */
    ClockScheduler(StubClock clock, int workers, Consumer<String> attempt) {
        this.clock = clock;
        this.attempt = attempt;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("hookstub-delivery-scheduler"));
        this.workers = Executors.newFixedThreadPool(workers, daemon("hookstub-delivery-worker"));
    }

    /** Queues an attempt for when the stub's clock reaches {@code at}. */
    void schedule(String id, Instant at) {
        onScheduler(() -> {
            due.add(new Due(at, id));
            queued.add(id);
            fire();
        });
    }

    /** Queues what a shared log holds waiting that is not queued here yet. */
    void queueWaiting(List<DeliveryLog.Waiting> waiting) {
        onScheduler(() -> {
            boolean added = false;
            for (DeliveryLog.Waiting each : waiting) {
                if (queued.add(each.id())) {
                    due.add(new Due(each.at(), each.id()));
                    added = true;
                }
            }
            if (added) {
                fire();
            }
        });
    }

    /** The clock was set or advanced: what became due runs now, and the wait for the rest is measured afresh. */
    void wake() {
        onScheduler(this::fire);
    }

    /** A running clock's scheduler may wake a hair early; a frozen clock is exact, and fires nothing early. */
    Duration tolerance() {
        return clock.ticking() ? EARLY_TOLERANCE : Duration.ZERO;
    }

    /** Nothing new starts; the workers finish what they hold (see {@link #awaitWorkers}). */
    void stop() {
        stopped = true;
        scheduler.shutdownNow();
        workers.shutdown();
    }

    void awaitWorkers(Duration wait) {
        try {
            workers.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void onScheduler(Runnable task) {
        if (stopped) {
            return;
        }
        try {
            scheduler.execute(task);
        } catch (RejectedExecutionException stopping) {
            // Stays pending in the log; the next start resumes it.
        }
    }

    /**
     * On the scheduler thread: hands every attempt that is due by the stub's clock to the workers, earliest first,
     * then sleeps until the next one, or not at all while the clock is frozen (a change of the clock wakes it).
     */
    private void fire() {
        if (wakeUp != null) {
            wakeUp.cancel(false);
            wakeUp = null;
        }
        Instant now = clock.instant();
        Instant horizon = now.plus(tolerance());
        while (!due.isEmpty() && !due.peek().at().isAfter(horizon)) {
            String id = due.poll().id();
            queued.remove(id);
            try {
                workers.execute(() -> attempt.accept(id));
            } catch (RejectedExecutionException stopping) {
                return;
            }
        }
        Due next = due.peek();
        if (next != null && clock.ticking()) {
            long millis = Math.max(1, Duration.between(now, next.at()).toMillis());
            try {
                wakeUp = scheduler.schedule(this::fire, millis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                // As above.
            }
        }
    }

    static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** An attempt waiting for the stub's clock to reach {@code at}; ties keep no particular order. */
    private record Due(Instant at, String id) implements Comparable<Due> {

        @Override
        public int compareTo(Due other) {
            return at.compareTo(other.at);
        }
    }
}
