package dev.hookstub.server.delivery;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A webhook receiver on loopback, as a team under test would run one: it records every request and answers each
 * with the next status of its script (the last one repeats), or never answers at all when {@link #HANG} comes up.
 */
final class Receiver implements AutoCloseable {

    /** A "status" that never answers (until the receiver closes, or a minute at most). */
    static final int HANG = -1;

    record Received(String path, Headers headers, String body, long atNanos) {

        String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final List<Received> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Deque<Integer> script = new ConcurrentLinkedDeque<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final java.util.Map<String, String> answerHeaders = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Duration thinking = Duration.ZERO;

    private Receiver(HttpServer server, int... statuses) {
        this.server = server;
        for (int status : statuses) {
            script.add(status);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), new String(body, StandardCharsets.UTF_8),
                    System.nanoTime()));
            int status = next();
            if (status == HANG) {
                try {
                    released.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            if (!thinking.isZero()) {
                try {
                    Thread.sleep(thinking.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            answerHeaders.forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
    }

    /** A receiver on a free loopback port answering with these statuses in turn, the last one forever. */
    static Receiver answering(int... statuses) throws IOException {
        return on(0, statuses);
    }

    static Receiver on(int port, int... statuses) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        return new Receiver(server, statuses);
    }

    /** A port nothing listens on (now), for a receiver that is down. */
    static int freePort() throws IOException {
        // A plain socket: an HttpServer never started keeps listening after stop() (its selector never runs).
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private synchronized int next() {
        return script.size() > 1 ? script.poll() : script.isEmpty() ? 204 : script.peek();
    }

    /** Takes this long before each answer, as a receiver that does some work would. */
    Receiver slowly(Duration each) {
        thinking = each;
        return this;
    }

    /** Sends this header with every answer from now on (a {@code Retry-After}, say). */
    Receiver answeringWithHeader(String name, String value) {
        answerHeaders.put(name, value);
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Waits (bounded) until this many requests came in; returns them. */
    List<Received> await(int count) {
        awaitTrue(() -> received.size() >= count, Duration.ofSeconds(10),
                () -> "receiver got " + received.size() + " of " + count + " requests");
        return received();
    }

    static void awaitTrue(BooleanSupplier condition, Duration timeout, Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
