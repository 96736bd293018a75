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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A webhook receiver on a free loopback port (deliveries go to loopback hosts by default), as a team under test
 * would run one: it captures every request and answers each with the next status of its script, the last one
 * repeating (204 when none is given); {@link #NEVER_ANSWERS} holds the request until the receiver closes (a minute
 * at most). The one {@link Hookstub#receiver()} starts on first use; {@link #answering} starts more.
 */
public final class DeliveryReceiver implements AutoCloseable {

    /** A "status" that never answers: the stub's attempt runs into its timeout. */
    public static final int NEVER_ANSWERS = -1;

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

    private final List<ReceivedDelivery> received = new ArrayList<>();
    private final Deque<Integer> script = new ArrayDeque<>();
    private final Map<String, String> answerHeaders = new ConcurrentHashMap<>();
    private final int port;
    private HttpServer server;
    private ExecutorService threads;
    private CountDownLatch released = new CountDownLatch(1);
    private volatile Duration thinking = Duration.ZERO;

    DeliveryReceiver() {
        this(0);
    }

    private DeliveryReceiver(int port) {
        this.port = port;
    }

    /** A receiver started now on a free loopback port, answering with these statuses in turn, the last one forever. */
    public static DeliveryReceiver answering(int... statuses) {
        return on(0, statuses);
    }

    /** The same on a given loopback port (one a stub already delivers to, say). */
    public static DeliveryReceiver on(int port, int... statuses) {
        DeliveryReceiver receiver = new DeliveryReceiver(port).answerWith(statuses);
        receiver.url("/");
        return receiver;
    }

    /** A URL on this receiver to register as a webhook's URL, e.g. {@code url("/hooks")}; starts it if need be. */
    public synchronized String url(String path) {
        if (server == null) {
            start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + (path.startsWith("/") ? path : "/" + path);
    }

    /**
     * What the receiver answers from now on: these statuses in turn, the last one repeating; e.g. 500 to make the stub
     * retry, 410 to make it stop, {@code 500, 503, 200} to succeed at the third attempt.
     */
    public synchronized DeliveryReceiver answerWith(int... statuses) {
        script.clear();
        for (int status : statuses) {
            script.add(status);
        }
        return this;
    }

    /** Takes this long before each answer, as a receiver that does some work would. */
    public DeliveryReceiver slowly(Duration each) {
        thinking = each;
        return this;
    }

    /** Sends this header with every answer from now on (a {@code Retry-After}, say). */
    public DeliveryReceiver answeringWithHeader(String name, String value) {
        answerHeaders.put(name, value);
        return this;
    }

    /** Everything received so far, in order. */
    public synchronized List<ReceivedDelivery> received() {
        return List.copyOf(received);
    }

    /** Waits until at least {@code count} requests arrived; returns them all. */
    public List<ReceivedDelivery> awaitDeliveries(int count, Duration timeout) {
        Waits.until(() -> received().size() >= count, timeout,
                () -> count + " deliveries; got " + received().size());
        return received();
    }

    /** As above, waiting ten seconds at most. */
    public List<ReceivedDelivery> awaitDeliveries(int count) {
        return awaitDeliveries(count, DEFAULT_WAIT);
    }

    /** Forgets what was received; answers 204 again, at once and without headers of its own. */
    public synchronized void clear() {
        received.clear();
        script.clear();
        answerHeaders.clear();
        thinking = Duration.ZERO;
    }

    /** Stops listening; a request held by {@link #NEVER_ANSWERS} is let go, unanswered. */
    @Override
    public synchronized void close() {
        if (server != null) {
            released.countDown();
            server.stop(0);
            threads.shutdownNow();
            server = null;
        }
    }

    private void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the delivery receiver", e);
        }
        // Several at once: deliveries to several webhooks overlap, and one held unanswered must not block the rest.
        threads = Executors.newFixedThreadPool(16);
        released = new CountDownLatch(1);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    private synchronized int next() {
        return script.size() > 1 ? script.poll() : script.isEmpty() ? 204 : script.peek();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            ReceivedDelivery delivery = new ReceivedDelivery(exchange.getRequestMethod(),
                    exchange.getRequestURI().toString(), headers, body, Instant.now());
            CountDownLatch release;
            synchronized (this) {
                received.add(delivery);
                release = released;
            }
            int status = next();
            if (status == NEVER_ANSWERS) {
                release.await(60, TimeUnit.SECONDS);
                return;
            }
            if (!thinking.isZero()) {
                Thread.sleep(thinking.toMillis());
            }
            answerHeaders.forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(status, -1);
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        }
    }
}
