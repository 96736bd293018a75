package dev.hookstub.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.UnaryOperator;

/** A real HTTP proxy on a free loopback port that forwards everything and rewrites each answer's body: a planted change. */
final class BodyRewritingProxy implements AutoCloseable {

    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "transfer-encoding", "upgrade",
            "http2-settings", "expect");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    BodyRewritingProxy(String upstream, UnaryOperator<String> rewrite) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream
                        + exchange.getRequestURI().toString())).method(exchange.getRequestMethod(),
                        body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
                exchange.getRequestHeaders().forEach((name, values) -> {
                    if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                        values.forEach(value -> request.header(name, value));
                    }
                });
                HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                answer.headers().map().forEach((name, values) -> {
                    if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.equals(":status")) {
                        values.forEach(value -> exchange.getResponseHeaders().add(name, value));
                    }
                });
                byte[] rewritten = rewrite.apply(answer.body()).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.statusCode(), rewritten.length == 0 ? -1 : rewritten.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(rewritten);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
