package dev.hookstub.server.proxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;

/**
 * A sandbox that breaks the spec in one known way at a time: an HTTP server on loopback that forwards every request
 * to a real stub and lets the current fault change the answer on its way back (a member dropped or of the wrong
 * type, another status, another error format, another content type). The stub's own fault rules make it slow or
 * reset the connection.
 */
final class FaultyUpstream implements AutoCloseable {

    /** An answer as it passes: status, headers (names in lower case) and body. */
    record Answer(int status, Map<String, List<String>> headers, String body) {

        Answer withStatus(int newStatus) {
            return new Answer(newStatus, headers, body);
        }

        Answer withBody(String newBody) {
            return new Answer(status, headers, newBody);
        }

        Answer withHeader(String name, String value) {
            Map<String, List<String>> more = new LinkedHashMap<>(headers);
            more.put(name.toLowerCase(Locale.ROOT), List.of(value));
            return new Answer(status, more, body);
        }
    }

    private static final List<String> NOT_COPIED = List.of("host", "connection", "content-length", "upgrade",
            "transfer-encoding", "date", "expect");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI stub;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4, task -> {
        Thread thread = new Thread(task, "faulty-upstream");
        thread.setDaemon(true);
        return thread;
    });
    private volatile UnaryOperator<Answer> fault = UnaryOperator.identity();
    private volatile boolean cutShort;

    FaultyUpstream(URI stub) throws IOException {
        this(stub, null);
    }

    /** Over HTTPS with the certificate of {@code tls}, when given. */
    FaultyUpstream(URI stub, SSLContext tls) throws IOException {
        this.stub = stub;
        InetSocketAddress loopback = new InetSocketAddress("127.0.0.1", 0);
        if (tls == null) {
            this.server = HttpServer.create(loopback, 0);
        } else {
            HttpsServer https = HttpsServer.create(loopback, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            this.server = https;
        }
        server.createContext("/", this::forward);
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Whether answers from now on declare their whole length and end the connection halfway through the body. */
    void cutAnswersShort(boolean cut) {
        cutShort = cut;
    }

    /** Every answer from now on goes through {@code newFault}; the identity for none. */
    void inject(UnaryOperator<Answer> newFault) {
        fault = newFault;
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(stub.resolve(exchange.getRequestURI().toString()))
                    .timeout(Duration.ofSeconds(30)).method(exchange.getRequestMethod(), body.length == 0
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_COPIED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<String> answered = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Answer answer = fault.apply(new Answer(answered.statusCode(), answered.headers().map(), answered.body()));
            answer.headers().forEach((name, values) -> {
                if (!NOT_COPIED.contains(name)) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                // Cut short, closing the stream fails and the server closes the connection under the answer.
                out.write(bytes, 0, cutShort ? bytes.length / 2 : bytes.length);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
