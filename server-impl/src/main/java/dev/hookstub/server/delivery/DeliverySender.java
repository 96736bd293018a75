package dev.hookstub.server.delivery;

import dev.hookstub.server.clock.StubClock;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * One attempt over HTTP: the delivery's POST with its headers for that attempt, to a host deliveries may go to,
 * answered within the timeout or given up; what came of it as an {@link AttemptOutcome}.
 */
final class DeliverySender {

    private final DeliveryOptions options;
    private final StubClock clock;
    /** Whether the stub is stopping: an attempt under way then ends as {@link AttemptOutcome#STOPPED}. */
    private final BooleanSupplier stopped;
    private final Map<String, CompletableFuture<?>> inFlight = new ConcurrentHashMap<>();
    /** Built at the first delivery: most runs deliver nothing, and building one costs start-up time. */
    private volatile HttpClient client;

    DeliverySender(DeliveryOptions options, StubClock clock, BooleanSupplier stopped) {
        this.options = options;
        this.clock = clock;
        this.stopped = stopped;
    }

    AttemptOutcome send(Delivery delivery, Instant attemptAt) {
        HttpRequest request;
        try {
            URI url = URI.create(delivery.url());
            if (!options.allows(url)) {
                return AttemptOutcome.refusedLocally("the host of " + delivery.url()
                        + " is not one deliveries may go to (--delivery-allowed-hosts)");
            }
            if (url.getPort() > 65535) {
                // A URI's port is any digits (RFC 3986), a TCP port at most 65535: no attempt could ever be made.
                return AttemptOutcome.refusedLocally("the port of " + delivery.url() + " is out of range (at most "
                        + "65535)");
            }
            request = request(delivery, attemptAt);
        } catch (IllegalArgumentException e) {
            return AttemptOutcome.failed("the request cannot be sent: " + e.getMessage());
        }
        CompletableFuture<HttpResponse<Void>> response = client().sendAsync(request, HttpResponse.BodyHandlers.discarding());
        inFlight.put(delivery.id(), response);
        try {
            if (stopped.getAsBoolean()) {
                response.cancel(true);
            }
            HttpResponse<Void> answer = response.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return AttemptOutcome.answered(answer.statusCode(), RetryPolicy.retryAfter(answer.statusCode(),
                    answer.headers().firstValue("Retry-After").orElse(null), clock.instant()));
        } catch (TimeoutException e) {
            response.cancel(true);
            return AttemptOutcome.failed("no answer within " + options.timeout().toMillis() + " ms");
        } catch (CancellationException e) {
            return stopped.getAsBoolean() ? AttemptOutcome.STOPPED : AttemptOutcome.failed("cancelled");
        } catch (ExecutionException e) {
            return AttemptOutcome.failed(describe(e.getCause()));
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            return AttemptOutcome.STOPPED;
        } finally {
            inFlight.remove(delivery.id());
        }
    }

    /** Abandons every attempt under way (a reset, or the stub stopping). */
    void cancelAll() {
        inFlight.values().forEach(future -> future.cancel(true));
    }

    private HttpClient client() {
        HttpClient current = client;
        if (current == null) {
            synchronized (this) {
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
}
