package dev.hookstub.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.error.ProblemDetailsErrorFormat;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.function.Supplier;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A route's handler outside Jersey (the fast path, the proxy) that fails unexpectedly is answered in the API's
 * format, as Jersey's last exception mapper answers: Grizzly's own page showed the stack trace (a pattern that
 * overflowed the stack in the proxy's validation did).
 */
class RouteGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"runtime", "stack"})
    void anUnexpectedFailureIsA500InTheApisFormatWithoutInternals(String kind) throws Exception {
        Supplier<Throwable> failure = kind.equals("runtime") ? () -> new IllegalStateException("secret internals")
                : () -> new StackOverflowError("secret internals");
        HttpHandler failing = new HttpHandler() {
            @Override
            public void service(Request request, Response response) {
                Throwable thrown = failure.get();
                if (thrown instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) thrown;
            }
        };
        int free;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            free = probe.getLocalPort();
        }
        HttpServer server = HttpServer.createSimpleServer(null, "127.0.0.1", free);
        server.getServerConfiguration().addHttpHandler(
                new RouteGuard(failing, new ProblemDetailsErrorFormat(), new ObjectMapper()), "/");
        server.start();
        try {
            int port = server.getListeners().iterator().next().getPort();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/anything")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(500, answer.statusCode(), answer.body());
            assertEquals(Optional.of("application/problem+json"), answer.headers().firstValue("Content-Type"));
            assertEquals(500, new ObjectMapper().readTree(answer.body()).path("status").asInt(), answer.body());
            assertFalse(answer.body().contains("secret internals") || answer.body().contains("at dev.")
                    || answer.body().contains("Exception") || answer.body().contains("Error:"), answer.body());
        } finally {
            server.shutdownNow();
        }
    }
}
