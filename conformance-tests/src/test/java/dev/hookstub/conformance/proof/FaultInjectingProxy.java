package dev.hookstub.conformance.proof;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A deliberately broken server: an HTTP proxy on {@code 127.0.0.1} that forwards everything to the stub and lets the
 * current {@link Fault} change requests and responses on the way. With {@link Faults#none()} it is transparent.
 */
final class FaultInjectingProxy implements AutoCloseable {

    /** Headers the JDK client sets itself, and hop-by-hop headers that must not be copied. */
    private static final Set<String> NOT_FORWARDED = Set.of(
            "host", "connection", "content-length", "expect", "upgrade", "transfer-encoding", "date", "keep-alive");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String upstream;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "fault-injecting-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Fault fault = Faults.none();

    /** @param upstream the stub's base URL, e.g. {@code http://127.0.0.1:41234} */
    FaultInjectingProxy(String upstream) throws IOException {
        this.upstream = upstream.endsWith("/") ? upstream.substring(0, upstream.length() - 1) : upstream;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The fault switch: applies to every exchange from now on. */
    void inject(Fault newFault) {
        this.fault = newFault;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            Fault current = fault;
            URI uri = exchange.getRequestURI();
            String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            ProxiedRequest request = current.onRequest(new ProxiedRequest(exchange.getRequestMethod(), pathAndQuery,
                    Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
            ProxiedResponse response = current.onResponse(request, forward(request));
            response.headers().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            boolean noBody = response.body().length == 0 || response.status() == 204 || response.status() == 304;
            exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        } catch (RuntimeException | IOException e) {
            exchange.sendResponseHeaders(502, -1); // a broken proxy must not look like a broken stub
        } finally {
            exchange.close();
        }
    }

    private ProxiedResponse forward(ProxiedRequest request) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(upstream + request.pathAndQuery()))
                .timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body().length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, List<String>> headers = new LinkedHashMap<>(response.headers().map());
            headers.remove(":status");
            return new ProxiedResponse(response.statusCode(), headers, response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
