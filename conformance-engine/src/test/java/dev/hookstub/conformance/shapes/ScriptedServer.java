package dev.hookstub.conformance.shapes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server on a free loopback port that answers by a script of routes (method and path patterns to an
 * answer) and remembers every request, so a test can hold the engine's requests to the spec and its verdicts to what
 * the server did. Anything unscripted is a 404 in JSON.
 */
final class ScriptedServer implements AutoCloseable {

    /** What came in. */
    record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** What goes out. */
    record Answer(int status, Map<String, String> headers, String body) {

        static Answer json(int status, String body) {
            return new Answer(status, Map.of("Content-Type", "application/json"), body);
        }

        static Answer empty(int status) {
            return new Answer(status, Map.of(), "");
        }
    }

    private record Route(String method, Pattern path, java.util.function.BiFunction<Request, Matcher, Answer> answer) {
    }

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newCachedThreadPool();
    private final List<Route> routes = new ArrayList<>();
    private final List<Request> received = Collections.synchronizedList(new ArrayList<>());

    ScriptedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        // A slow answer must not hold up the next request, as on any real server.
        server.setExecutor(workers);
        server.start();
    }

    ScriptedServer on(String method, String pathRegex, Function<Matcher, Answer> answer) {
        routes.add(new Route(method, Pattern.compile(pathRegex), (request, matcher) -> answer.apply(matcher)));
        return this;
    }

    /** A route that answers by the whole request: its query, headers or body. */
    ScriptedServer onRequest(String method, String pathRegex, Function<Request, Answer> answer) {
        routes.add(new Route(method, Pattern.compile(pathRegex), (request, matcher) -> answer.apply(request)));
        return this;
    }

    ScriptedServer on(String method, String pathRegex, Answer answer) {
        return on(method, pathRegex, matcher -> answer);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new LinkedHashMap<>(exchange.getRequestHeaders());
        Request request = new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                headers, body);
        received.add(request);
        Answer answer = Answer.json(404, "{\"message\":\"not found\"}");
        for (Route route : routes) {
            Matcher matcher = route.path().matcher(path);
            // The method is a pattern too ("PUT|POST|PATCH"); a plain name matches itself.
            if (exchange.getRequestMethod().matches(route.method()) && matcher.matches()) {
                answer = route.answer().apply(request, matcher);
                break;
            }
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
