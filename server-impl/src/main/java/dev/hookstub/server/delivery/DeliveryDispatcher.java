package dev.hookstub.server.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.server.clock.IdGenerator;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.store.StoreException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends deliveries off the request threads: a scheduler thread waits out each delivery's backoff and hands it to a
 * small fixed pool of workers, each of which has one request in flight at most. A slow or dead receiver therefore
 * holds a worker for the timeout at worst, never an API request. Every change of a delivery is written to the
 * {@link DeliveryLog} before the next step, so with a database nothing accepted is lost when the stub stops: what is
 * queued or in flight stays pending and resumes on the next start.
 */
public final class DeliveryDispatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class.getName());
    /** The scheduler may run a task a hair before the wall clock says the delivery is due. */
    private static final Duration EARLY_TOLERANCE = Duration.ofMillis(50);
    /** What {@link #close()} may take; the whole shutdown must fit in five seconds. */
    private static final Duration STOP_WAIT = Duration.ofMillis(500);

    private final Map<String, WebhookDeliveries> apis;
    private final DeliveryLog log;
    private final DeliveryOptions options;
    private final IdGenerator ids;
    private final Clock clock;
    /** Built at the first delivery: most runs deliver nothing, and building one costs start-up time. */
    private volatile HttpClient client;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;
    private final Map<String, CompletableFuture<?>> inFlight = new ConcurrentHashMap<>();
    /** Serialises the changes to deliveries: a worker's result, a manual retry, a reset. */
    private final Object lock = new Object();
    private volatile boolean stopped;

    public DeliveryDispatcher(Map<String, WebhookDeliveries> apis, DeliveryLog log, DeliveryOptions options,
                              IdGenerator ids, Clock clock) {
        this.apis = Map.copyOf(apis);
        this.log = log;
        this.options = options;
        this.ids = ids;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("hookstub-delivery-scheduler"));
        this.workers = Executors.newFixedThreadPool(options.workers(), daemon("hookstub-delivery-worker"));
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

    /** Picks up what an earlier run left pending or in flight, at once: the stub was down, not the receiver. */
    public void resume() {
        Instant now = clock.instant();
        for (Delivery delivery : log.all()) {
            if (!delivery.status().finished()) {
                synchronized (lock) {
                    log.update(delivery.requeued(now));
                }
                schedule(delivery.id(), Duration.ZERO);
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
            Delivery delivery = Delivery.planned(api, plan, eventType, 1 + options.retries(), now);
            synchronized (lock) {
                log.insert(delivery);
            }
            created.add(delivery.id());
            schedule(delivery.id(), Duration.ZERO);
        }
        return created;
    }

    /** Sends a delivery again, now, with a fresh allowance of retries; 409 while an attempt is on its way. */
    public Delivery retry(String api, String id) {
        Delivery retried;
        synchronized (lock) {
            Delivery delivery = find(api, id).orElseThrow(() -> ApiProblem.notFound("No " + api + " delivery " + id + "."));
            if (delivery.status() == DeliveryStatus.DELIVERING) {
                throw ApiProblem.conflict("Delivery " + id + " is being attempted right now; retry when it is done.");
            }
            retried = delivery.retried(options.retries(), clock.instant());
            log.update(retried);
        }
        schedule(id, Duration.ZERO);
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

    private void schedule(String id, Duration delay) {
        if (stopped) {
            return;
        }
        try {
            scheduler.schedule(() -> {
                try {
                    workers.execute(() -> attempt(id));
                } catch (RejectedExecutionException stopping) {
                    // Stays pending in the log; the next start resumes it.
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // As above.
        }
    }

    private void attempt(String id) {
        Delivery delivery;
        synchronized (lock) {
            Optional<Delivery> current = log.find(id);
            if (stopped || current.isEmpty() || current.get().status() != DeliveryStatus.PENDING
                    || clock.instant().plus(EARLY_TOLERANCE).isBefore(current.get().nextAttemptAt())) {
                // Stopped, reset, already done, or an older schedule of a delivery that was retried since.
                return;
            }
            delivery = current.get().delivering();
            log.update(delivery);
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
                log.update(delivery.requeued(clock.instant()));
                return;
            }
            int attempts = delivery.attempts() + 1;
            if (outcome.code() != null && outcome.code() / 100 == 2) {
                next = delivery.attempted(DeliveryStatus.SUCCEEDED, outcome.code(), null, started, millis, null);
            } else if (outcome.code() != null && outcome.code() == 410) {
                next = delivery.attempted(DeliveryStatus.GONE, 410, outcome.error(), started, millis, null);
            } else if (attempts >= delivery.attemptLimit() || outcome.final_()) {
                next = delivery.attempted(DeliveryStatus.FAILED, outcome.code(), outcome.error(), started, millis, null);
            } else {
                next = delivery.attempted(DeliveryStatus.PENDING, outcome.code(), outcome.error(), started, millis,
                        clock.instant().plus(options.delayAfter(attempts)));
            }
            if (!log.update(next)) {
                return;
            }
            if (next.status() == DeliveryStatus.GONE) {
                log.markGone(next.api(), next.webhookId());
            }
        }
        if (next.status() == DeliveryStatus.GONE) {
            apis.get(next.api()).webhookGone(next.webhookId());
        } else if (next.status() == DeliveryStatus.PENDING) {
            schedule(next.id(), Duration.between(clock.instant(), next.nextAttemptAt()));
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
            return Outcome.answered(response.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS).statusCode());
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

    /** What one attempt came to: a status code, or an error without one, or the stub stopping under it. */
    private record Outcome(Integer code, String error, boolean stopped, boolean final_) {

        static final Outcome STOPPED = new Outcome(null, null, true, false);

        static Outcome answered(int code) {
            return new Outcome(code, code / 100 == 2 ? null : "HTTP " + code, false, false);
        }

        static Outcome failed(String error) {
            return new Outcome(null, error, false, false);
        }

        /** Not sent, and retrying cannot help. */
        static Outcome refusedLocally(String error) {
            return new Outcome(null, error, false, true);
        }
    }
}
