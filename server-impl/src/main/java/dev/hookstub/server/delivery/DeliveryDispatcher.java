package dev.hookstub.server.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.server.clock.IdGenerator;
import dev.hookstub.server.clock.StubClock;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.store.StoreException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends deliveries off the request threads: a scheduler thread waits until the stub's clock reaches each delivery's
 * next attempt and hands it to a small fixed pool of workers, each of which has one request in flight at most. A slow
 * or dead receiver therefore holds a worker for the timeout at worst, never an API request. Every change of a
 * delivery is written to the {@link DeliveryLog} before the next step, so with a database nothing accepted is lost
 * when the stub stops: what is queued or in flight stays pending and resumes on the next start.
 * <p>
 * The wait is for the stub's clock, not for real milliseconds: the scheduler sleeps until the earliest due attempt
 * while the clock runs, not at all while it is frozen, and looks again whenever the clock is set or advanced, so
 * that every attempt that became due then runs at once, earliest first. Each API retries on its own
 * {@link RetrySchedule}; a receiver's {@code Retry-After} on 429 or 503 can only push the next attempt later.
 */
public final class DeliveryDispatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class.getName());
    /** The scheduler may run a task a hair before the wall clock says the delivery is due. */
    private static final Duration EARLY_TOLERANCE = Duration.ofMillis(50);
    /** What {@link #close()} may take; the whole shutdown must fit in five seconds. */
    private static final Duration STOP_WAIT = Duration.ofMillis(500);
    /** The most a receiver's {@code Retry-After} may put off the next attempt: a typo must not park it for a year. */
    static final Duration RETRY_AFTER_CAP = Duration.ofHours(1);
    /** How often an instance on a shared log looks for deliveries that other instances left waiting. */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    /**
     * How far ahead a poll looks: a delivery due later is fetched by a later poll, so a log full of deliveries
     * waiting days for their next attempt (Equals Money retries for two weeks) costs each poll nothing. A change of
     * the clock polls at once.
     */
    static final Duration POLL_HORIZON = Duration.ofMinutes(1);

    private final Map<String, WebhookDeliveries> apis;
    private final Map<String, RetrySchedule> schedules;
    private final DeliveryLog log;
    private final DeliveryOptions options;
    private final IdGenerator ids;
    private final StubClock clock;
    /** Attempts waiting for their time, earliest first; touched by the scheduler thread only. */
    private final PriorityQueue<Due> due = new PriorityQueue<>();
    /** The scheduler's wake-up for the earliest attempt while the clock runs; scheduler thread only. */
    private ScheduledFuture<?> wakeUp;
    /** Built at the first delivery: most runs deliver nothing, and building one costs start-up time. */
    private volatile HttpClient client;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;
    private final Map<String, CompletableFuture<?>> inFlight = new ConcurrentHashMap<>();
    /** On a shared log: looks for waiting work every {@link #POLL_INTERVAL}, off the scheduler thread. */
    private final ScheduledExecutorService poller;
    /** The ids in {@link #due}, so that a poll adds each waiting delivery once; scheduler thread only. */
    private final java.util.Set<String> queued = new java.util.HashSet<>();
    /** Serialises the changes to deliveries: a worker's result, a manual retry, a reset. */
    private final Object lock = new Object();
    private volatile boolean stopped;

    public DeliveryDispatcher(Map<String, WebhookDeliveries> apis, DeliveryLog log, DeliveryOptions options,
                              IdGenerator ids, StubClock clock) {
        this.apis = Map.copyOf(apis);
        Map<String, RetrySchedule> bySchedule = new java.util.HashMap<>();
        apis.forEach((api, deliveries) -> bySchedule.put(api, options.scheduleFor(deliveries)));
        this.schedules = Map.copyOf(bySchedule);
        this.log = log;
        this.options = options;
        this.ids = ids;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("hookstub-delivery-scheduler"));
        this.workers = Executors.newFixedThreadPool(options.workers(), daemon("hookstub-delivery-worker"));
        this.poller = Executors.newSingleThreadScheduledExecutor(daemon("hookstub-delivery-poller"));
        clock.onChange(this::wake);
    }

    private HttpClient client() {
        HttpClient current = client;
        if (current == null) {
            synchronized (lock) {
                if (client == null) {
                    client = HttpClient.newBuilder()
                            // HTTP/1.1 as webhook senders speak it: no h2c upgrade offered to the receiver.
                            .version(HttpClient.Version.HTTP_1_1)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .connectTimeout(options.timeout())
                            .build();
                }
                current = client;
            }
        }
        return current;
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
                schedule(delivery.id(), now);
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
            Delivery delivery = Delivery.planned(api, plan, eventType, 1 + schedules.get(api).retries(), now);
            synchronized (lock) {
                log.insert(delivery);
            }
            created.add(delivery.id());
            schedule(delivery.id(), now);
        }
        return created;
    }

    /** Sends a delivery again, now, with a fresh allowance of retries; 409 while an attempt is on its way. */
    public Delivery retry(String api, String id) {
        Delivery retried;
        synchronized (lock) {
            Delivery delivery = find(api, id).orElseThrow(() -> ApiProblem.notFound("No " + api + " delivery " + id + "."));
            retried = delivery.retried(schedules.get(api).retries(), clock.instant());
            // In a shared log another instance may claim it between the read and the update, which then refuses.
            if (delivery.status() == DeliveryStatus.DELIVERING || !log.update(retried)) {
                throw ApiProblem.conflict("Delivery " + id + " is being attempted right now; retry when it is done.");
            }
        }
        schedule(id, retried.nextAttemptAt());
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
        inFlight.values().forEach(future -> future.cancel(true));
    }

    /** Queues an attempt for when the stub's clock reaches {@code at}. */
    private void schedule(String id, Instant at) {
        onScheduler(() -> {
            due.add(new Due(at, id));
            queued.add(id);
            fire();
        });
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

    /**
     * The clock was set or advanced: what became due runs now, and the wait for the rest is measured afresh; on a
     * shared log, what became due among the deliveries of other instances is fetched too.
     */
    private void wake() {
        onScheduler(this::fire);
        if (log.shared()) {
            try {
                poller.execute(this::poll);
            } catch (RejectedExecutionException stopping) {
                // Closed.
            }
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
                workers.execute(() -> attempt(id));
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

    /** A running clock's scheduler may wake a hair early; a frozen clock is exact, and fires nothing early. */
    private Duration tolerance() {
        return clock.ticking() ? EARLY_TOLERANCE : Duration.ZERO;
    }

    private void attempt(String id) {
        Delivery delivery;
        try {
            synchronized (lock) {
                // Empty when stopped, reset, already done, an older schedule of a delivery retried since, or, in a
                // shared log, taken by another instance.
                Optional<Delivery> claimed = stopped ? Optional.empty()
                        : log.claim(id, clock.instant().plus(tolerance()));
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
        Outcome outcome = send(delivery, started);
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        try {
            record(delivery, outcome, started, millis);
        } catch (StoreException | IllegalStateException e) {
            // The database closed under a late attempt: the delivery is still "delivering" there and resumes.
            LOG.log(Level.FINE, "Could not record delivery " + id, e);
        }
    }

    private void record(Delivery delivery, Outcome outcome, Instant started, long millis) {
        Delivery next;
        synchronized (lock) {
            if (outcome.stopped()) {
                log.complete(delivery.requeued(clock.instant()));
                return;
            }
            int attempts = delivery.attempts() + 1;
            RetrySchedule schedule = schedules.get(delivery.api());
            if (outcome.code() != null && outcome.code() / 100 == 2) {
                next = delivery.attempted(DeliveryStatus.SUCCEEDED, outcome.code(), null, started, millis, null);
            } else if (outcome.code() != null && outcome.code() == 410) {
                next = delivery.attempted(DeliveryStatus.GONE, 410, outcome.error(), started, millis, null);
            } else if (attempts >= delivery.attemptLimit() || outcome.final_()
                    || !schedule.retriesAfter(outcome.code())) {
                next = delivery.attempted(DeliveryStatus.FAILED, outcome.code(), outcome.error(), started, millis, null);
            } else {
                next = delivery.attempted(DeliveryStatus.PENDING, outcome.code(), outcome.error(), started, millis,
                        clock.instant().plus(wait(schedule.delayAfter(attempts), outcome.retryAfter())));
            }
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
            schedule(next.id(), next.nextAttemptAt());
        }
    }

    /** The schedule's wait, or the receiver's {@code Retry-After} where that is longer (up to the cap). */
    private static Duration wait(Duration scheduled, Duration retryAfter) {
        if (retryAfter == null) {
            return scheduled;
        }
        Duration asked = retryAfter.compareTo(RETRY_AFTER_CAP) > 0 ? RETRY_AFTER_CAP : retryAfter;
        return asked.compareTo(scheduled) > 0 ? asked : scheduled;
    }

    /**
     * A {@code Retry-After} of a 429 or 503, in seconds or as an HTTP date (read against the stub's clock); null
     * for any other answer, or a value that is neither.
     */
    private Duration retryAfter(HttpResponse<?> response) {
        if (response.statusCode() != 429 && response.statusCode() != 503) {
            return null;
        }
        String value = response.headers().firstValue("Retry-After").map(String::strip).orElse(null);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException tooLong) {
                return RETRY_AFTER_CAP;
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration until = Duration.between(clock.instant(), at);
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    private Outcome send(Delivery delivery, Instant attemptAt) {
        HttpRequest request;
        try {
            if (!options.allows(URI.create(delivery.url()))) {
                return Outcome.refusedLocally("the host of " + delivery.url()
                        + " is not one deliveries may go to (--delivery-allowed-hosts)");
            }
            request = request(delivery, attemptAt);
        } catch (IllegalArgumentException e) {
            return Outcome.failed("the request cannot be sent: " + e.getMessage());
        }
        CompletableFuture<HttpResponse<Void>> response = client().sendAsync(request, HttpResponse.BodyHandlers.discarding());
        inFlight.put(delivery.id(), response);
        try {
            if (stopped) {
                response.cancel(true);
            }
            HttpResponse<Void> answer = response.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return Outcome.answered(answer.statusCode(), retryAfter(answer));
        } catch (TimeoutException e) {
            response.cancel(true);
            return Outcome.failed("no answer within " + options.timeout().toMillis() + " ms");
        } catch (CancellationException e) {
            return stopped ? Outcome.STOPPED : Outcome.failed("cancelled");
        } catch (ExecutionException e) {
            return Outcome.failed(describe(e.getCause()));
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            return Outcome.STOPPED;
        } finally {
            inFlight.remove(delivery.id());
        }
    }

    private HttpRequest request(Delivery delivery, Instant attemptAt) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(delivery.url()))
                .timeout(options.timeout())
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body()));
        DeliveryHeaders.forAttempt(delivery, attemptAt).forEach((name, value) -> {
            try {
                builder.header(name, value);
            } catch (IllegalArgumentException refused) {
                // A custom header the HTTP client will not send (a restricted name, a line break): left out.
            }
        });
        return builder.build();
    }

    private static String describe(Throwable cause) {
        if (cause instanceof HttpTimeoutException) {
            return "timed out: " + cause.getMessage();
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /**
     * Stops within half a second: nothing new starts, requests in flight are abandoned and their deliveries go back
     * to pending, queued ones stay pending. Call before the database closes.
     */
    @Override
    public void close() {
        stopped = true;
        poller.shutdownNow();
        scheduler.shutdownNow();
        workers.shutdown();
        inFlight.values().forEach(future -> future.cancel(true));
        try {
            workers.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * What one attempt came to: a status code (with the receiver's {@code Retry-After}, if any), or an error without
     * one, or the stub stopping under it.
     */
    private record Outcome(Integer code, String error, boolean stopped, boolean final_, Duration retryAfter) {

        static final Outcome STOPPED = new Outcome(null, null, true, false, null);

        static Outcome answered(int code, Duration retryAfter) {
            return new Outcome(code, code / 100 == 2 ? null : "HTTP " + code, false, false, retryAfter);
        }

        static Outcome failed(String error) {
            return new Outcome(null, error, false, false, null);
        }

        /** Not sent, and retrying cannot help. */
        static Outcome refusedLocally(String error) {
            return new Outcome(null, error, false, true, null);
        }
    }

    /** An attempt waiting for the stub's clock to reach {@code at}; ties keep no particular order. */
    private record Due(Instant at, String id) implements Comparable<Due> {

        @Override
        public int compareTo(Due other) {
            return at.compareTo(other.at);
        }
    }
}
