package dev.hookstub.server.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.server.clock.IdGenerator;
import dev.hookstub.server.clock.StubClock;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends deliveries off the request threads, in three parts: the {@link ClockScheduler} waits until the stub's clock
 * reaches each delivery's next attempt and hands it to a worker; the {@link DeliverySender} makes the attempt, one
 * request in flight per worker at most, so a slow or dead receiver holds a worker for the timeout at worst, never an
 * API request; the {@link RetryPolicy} says what the outcome makes of the delivery, on the API's own
 * {@link RetrySchedule}. This class holds their life cycle and the deliveries' changes: every change is written to
 * the {@link DeliveryLog} before the next step, so with a database nothing accepted is lost when the stub stops: what
 * is queued or in flight stays pending and resumes on the next start.
 */
public final class DeliveryDispatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class.getName());
    /** What {@link #close()} may take; the whole shutdown must fit in five seconds. */
    private static final Duration STOP_WAIT = Duration.ofMillis(500);
    /** How often an instance on a shared log looks for deliveries that other instances left waiting. */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    /**
     * How far ahead a poll looks: a delivery due later is fetched by a later poll, so a log full of deliveries
     * waiting days for their next attempt (Equals Money retries for two weeks) costs each poll nothing. A change of
     * the clock polls at once.
     */
    static final Duration POLL_HORIZON = Duration.ofMinutes(1);

    private final Map<String, WebhookDeliveries> apis;
    private final RetryPolicy retries;
    private final DeliveryLog log;
    private final IdGenerator ids;
    private final StubClock clock;
    private final ClockScheduler scheduler;
    private final DeliverySender sender;
    /** On a shared log: looks for waiting work every {@link #POLL_INTERVAL}, off the scheduler thread. */
    private final ScheduledExecutorService poller;
    /** Serialises the changes to deliveries: a worker's result, a manual retry, a reset. */
    private final Object lock = new Object();
    private volatile boolean stopped;

    public DeliveryDispatcher(Map<String, WebhookDeliveries> apis, DeliveryLog log, DeliveryOptions options,
                              IdGenerator ids, StubClock clock) {
        this.apis = Map.copyOf(apis);
        this.retries = new RetryPolicy(apis, options);
        this.log = log;
        this.ids = ids;
        this.clock = clock;
        this.scheduler = new ClockScheduler(clock, options.workers(), this::attempt);
        this.sender = new DeliverySender(options, clock, () -> stopped);
        this.poller = Executors.newSingleThreadScheduledExecutor(ClockScheduler.daemon("hookstub-delivery-poller"));
        clock.onChange(this::wake);
    }

    /**
     * Picks up what an earlier run left pending or in flight, at once: the stub was down, not the receiver. On a
     * shared log, what is in flight may be another instance's, so this instance only looks for waiting work, now
     * and every {@link #POLL_INTERVAL} from then on: deliveries other instances queued and did not attempt, and
     * attempts whose holder died.
     */
    public void resume() {
        if (log.shared()) {
            try {
                poller.scheduleWithFixedDelay(this::poll, 0, POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                // Closed before it started.
            }
            return;
        }
        Instant now = clock.instant();
        for (Delivery delivery : log.all()) {
            if (!delivery.status().finished()) {
                synchronized (lock) {
                    log.update(delivery.requeued(now));
                }
                scheduler.schedule(delivery.id(), now);
            }
        }
    }

    /**
     * Plans and queues the event for every subscribed webhook of the API, or only the one named when
     * {@code onlyWebhookId} is not null; answers the new deliveries' ids.
     */
    public List<String> trigger(String api, String eventType, JsonNode payload, String onlyWebhookId) {
        WebhookDeliveries deliveries = apis.get(api);
        if (deliveries == null) {
            throw ApiProblem.notFound("No API named " + api + ".");
        }
        Instant now = clock.instant();
        List<PlannedDelivery> planned = deliveries.plan(
                new TriggeredEvent(eventType, payload, now, () -> "dlv_" + ids.lowerAlphanumeric(24)));
        List<String> created = new ArrayList<>();
        for (PlannedDelivery plan : planned) {
            if (log.isGone(api, plan.webhookId())
                    || onlyWebhookId != null && !onlyWebhookId.equals(plan.webhookId())) {
                continue;
            }
            Delivery delivery = Delivery.planned(api, plan, eventType, 1 + retries.retries(api), now);
            synchronized (lock) {
                log.insert(delivery);
            }
            created.add(delivery.id());
            scheduler.schedule(delivery.id(), now);
        }
        return created;
    }

    /** Sends a delivery again, now, with a fresh allowance of retries; 409 while an attempt is on its way. */
    public Delivery retry(String api, String id) {
        Delivery retried;
        synchronized (lock) {
            Delivery delivery = find(api, id).orElseThrow(() -> ApiProblem.notFound("No " + api + " delivery " + id + "."));
            retried = delivery.retried(retries.retries(api), clock.instant());
            // In a shared log another instance may claim it between the read and the update, which then refuses.
            if (delivery.status() == DeliveryStatus.DELIVERING || !log.update(retried)) {
                throw ApiProblem.conflict("Delivery " + id + " is being attempted right now; retry when it is done.");
            }
        }
        scheduler.schedule(id, retried.nextAttemptAt());
        return retried;
    }

    public List<Delivery> list(String api) {
        return log.all().stream().filter(delivery -> delivery.api().equals(api)).toList();
    }

    public Optional<Delivery> find(String api, String id) {
        return log.find(id).filter(delivery -> delivery.api().equals(api));
    }

    /** Forgets every delivery and gone webhook, as the admin reset forgets every record; attempts under way end. */
    public void reset() {
        synchronized (lock) {
            log.clear();
        }
        sender.cancelAll();
    }

    /**
     * Queues what a shared log holds waiting that this instance has not queued yet. Whichever instance's claim
     * comes first makes the attempt; the others find it taken. A database that does not answer is asked again at
     * the next poll.
     */
    private void poll() {
        List<DeliveryLog.Waiting> waiting;
        try {
            Instant now = clock.instant();
            waiting = log.waiting(now, now.plus(POLL_HORIZON));
        } catch (StoreException | IllegalStateException unreachable) {
            LOG.log(Level.FINE, "Could not look for waiting deliveries", unreachable);
            return;
        }
        scheduler.queueWaiting(waiting);
    }

    /**
     * The clock was set or advanced: what became due runs now, and the wait for the rest is measured afresh; on a
     * shared log, what became due among the deliveries of other instances is fetched too.
     */
    private void wake() {
        scheduler.wake();
        if (log.shared()) {
            try {
                poller.execute(this::poll);
            } catch (RejectedExecutionException stopping) {
                // Closed.
            }
        }
    }

    /** On a worker: claims the delivery, makes the attempt and records what came of it. */
    private void attempt(String id) {
        Delivery delivery;
        try {
            synchronized (lock) {
                // Empty when stopped, reset, already done, an older schedule of a delivery retried since, or, in a
                // shared log, taken by another instance.
                Optional<Delivery> claimed = stopped ? Optional.empty()
                        : log.claim(id, clock.instant().plus(scheduler.tolerance()));
                if (claimed.isEmpty()) {
                    return;
                }
                delivery = claimed.get();
            }
        } catch (StoreException | IllegalStateException unreachable) {
            // The database is away: the delivery stays pending there, and a poll or a restart finds it again.
            LOG.log(Level.FINE, "Could not claim delivery " + id, unreachable);
            return;
        }
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        AttemptOutcome outcome;
        try {
            outcome = apis.get(delivery.api()).exists(delivery.webhookId()) ? sender.send(delivery, started)
                    : AttemptOutcome.refusedLocally("the webhook " + delivery.webhookId() + " was deleted: no attempt "
                            + "is made for it any more");
        } catch (StoreException | IllegalStateException unreachable) {
            // The database is away: make the attempt, as before a webhook could be deleted.
            outcome = sender.send(delivery, started);
        }
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        try {
            record(delivery, outcome, started, millis);
        } catch (StoreException | IllegalStateException e) {
            // The database closed under a late attempt: the delivery is still "delivering" there and resumes.
            LOG.log(Level.FINE, "Could not record delivery " + id, e);
        }
    }

    private void record(Delivery delivery, AttemptOutcome outcome, Instant started, long millis) {
        Delivery next;
        synchronized (lock) {
            if (outcome.stopped()) {
                log.complete(delivery.requeued(clock.instant()));
                return;
            }
            next = retries.after(delivery, outcome, started, millis, clock.instant());
            if (!log.complete(next)) {
                return;
            }
            if (next.status() == DeliveryStatus.GONE) {
                log.markGone(next.api(), next.webhookId());
            }
        }
        if (next.status() == DeliveryStatus.GONE) {
            apis.get(next.api()).webhookGone(next.webhookId());
        } else if (next.status() == DeliveryStatus.PENDING) {
            scheduler.schedule(next.id(), next.nextAttemptAt());
        }
    }

    /**
     * Stops within half a second: nothing new starts, requests in flight are abandoned and their deliveries go back
     * to pending, queued ones stay pending. Call before the database closes.
     */
    @Override
    public void close() {
        stopped = true;
        poller.shutdownNow();
        scheduler.stop();
        sender.cancelAll();
        scheduler.awaitWorkers(STOP_WAIT);
    }
}
