package dev.hookstub.junit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A webhook receiver on a free loopback port (deliveries go to loopback hosts by default), capturing every request,
 * answering each with the status set by {@link #answerWith} (204 by default). Started on first use.
 */
public final class DeliveryReceiver implements AutoCloseable {

    private final List<ReceivedDelivery> received = new ArrayList<>();
    private HttpServer server;
    private volatile int status = 204;

    DeliveryReceiver() {
    }

    /** A URL on this receiver to register as a webhook's URL, e.g. {@code url("/hooks")}. */
    public synchronized String url(String path) {
        if (server == null) {
            start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + (path.startsWith("/") ? path : "/" + path);
    }

    /** What the receiver answers from now on, e.g. 500 to make the stub retry, 410 to make it stop. */
    public void answerWith(int newStatus) {
        status = newStatus;
    }

    /** Everything received so far, in order. */
    public synchronized List<ReceivedDelivery> received() {
        return List.copyOf(received);
    }

    /** Waits until at least {@code count} requests arrived; returns them all. */
    public synchronized List<ReceivedDelivery> awaitDeliveries(int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (received.size() < count) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                throw new AssertionError("expected " + count + " deliveries within " + timeout + ", got "
                        + received.size());
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return List.copyOf(received);
    }

    public synchronized void clear() {
        received.clear();
        status = 204;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the delivery receiver", e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            ReceivedDelivery delivery = new ReceivedDelivery(exchange.getRequestMethod(),
                    exchange.getRequestURI().toString(), headers, body, Instant.now());
            synchronized (this) {
                received.add(delivery);
                notifyAll();
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }
}
