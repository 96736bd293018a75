package dev.hookstub.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubHttp;
import dev.hookstub.server.config.ConfigException;
import dev.hookstub.server.config.Fixtures;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stub listens before its APIs are loaded (each answers once it is, the others wait) and builds its Jersey
 * applications after: a request sent the moment the port takes connections is answered as it would be later.
 */
class StartupTest {

    private static final int PARTOO_RECORDS = 20_000;
    private static final int STARTS = 20;
    private static final String[] ADMIN = {"Authorization", "Bearer admin_test_key"};

    /** A request and what the started stub answers to it. */
    private record Expected(String path, int status, String bodyPart, String... headers) {
    }

    private static final List<Expected> FIRST_REQUESTS = List.of(
            new Expected("/mijnklantportaal/v1/webhooks/wbh_abc12345def678", 200, "wbh_abc12345def678",
                    "Authorization", "Bearer mkp_test_key"),
            new Expected("/equalsmoney/v2/webhooks/da91434a-4026-42ea-84b8-d0317b64af9c", 200,
                    "da91434a-4026-42ea-84b8-d0317b64af9c", "Authorization", "equals_test_key"),
            new Expected("/partoo/v2/webhooks/1", 200, "\"id\"", "x-APIKey", "partoo_test_key"),
            new Expected("/mollie/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=true", 200,
                    "hook_B2EyhTH5N4KWUnoYPcgiH", "Authorization", "Bearer access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM"),
            // Refusals are Jersey's: its application is built when such a request first needs it.
            new Expected("/mijnklantportaal/v1/webhooks/wbh_abc12345def678", 401, "", "Authorization", "Bearer nope"),
            new Expected("/partoo/v2/webhooks/1", 401, "", "x-APIKey", "nope"),
            // The stub's own endpoints, the spec documents under an API's context path among them.
            new Expected("/health", 200, "UP"),
            new Expected("/mollie/openapi.json", 200, "\"openapi\""),
            new Expected("/mijnklantportaal/openapi.yaml", 200, "openapi:"),
            new Expected("/__admin/mijnklantportaal/webhooks", 200, "wbh_abc12345def678", ADMIN),
            new Expected("/no-such-api", 404, "No such endpoint"));

    @Test
    void eachApiAnswersOnceLoadedAndEveryRequestSentWhileLoadingIsAnsweredAsLater(@TempDir Path dir) throws Exception {
        // Partoo seeds many records, so that it is still loading when the first requests arrive.
        StringBuilder records = new StringBuilder("[");
        for (int i = 0; i < PARTOO_RECORDS; i++) {
            records.append(i == 0 ? "" : ",").append("{\"url\": \"https://example.com/p").append(i)
                    .append("\", \"event_type\": \"lead_received\"}");
        }
        Files.writeString(dir.resolve("partoo.json"), records.append("]"));
        int port = Hookstub.freePort();
        ExecutorService clients = Executors.newFixedThreadPool(FIRST_REQUESTS.size() + 1);
        try {
            Future<Hookstub> starting = clients.submit(() -> Hookstub.start(Hookstub.defaultConfig().withPort(port)
                    .withFixtures(Fixtures.read(dir, StubServer.API_IDS))));
            awaitConnectable(port, starting);
            HookstubHttp http = Hookstub.at("http://127.0.0.1:" + port, "admin_test_key").http();
            List<Future<HttpResponse<String>>> early = new ArrayList<>();
            for (Expected request : FIRST_REQUESTS) {
                early.add(clients.submit(() -> http.get(request.path(), request.headers())));
            }
            assertAnswered(FIRST_REQUESTS.get(0), early.get(0).get(60, TimeUnit.SECONDS));
            assertFalse(starting.isDone(), "MijnKlantportaal answers while Partoo is still loading");
            try (Hookstub stub = starting.get(60, TimeUnit.SECONDS)) {
                for (int i = 0; i < FIRST_REQUESTS.size(); i++) {
                    assertAnswered(FIRST_REQUESTS.get(i), early.get(i).get(60, TimeUnit.SECONDS));
                    // And the same once the start is over.
                    assertAnswered(FIRST_REQUESTS.get(i), http.get(FIRST_REQUESTS.get(i).path(),
                            FIRST_REQUESTS.get(i).headers()));
                }
                assertEquals(stub.port(), port);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aStartThatFailsAfterListeningFreesThePortAndSaysWhy(@TempDir Path dir) throws Exception {
        // The APIs load after the server listens: a fixture refused while loading must still end the start.
        Files.writeString(dir.resolve("partoo.json"), "[{\"url\": \"https://example.com/p\"}]");
        int port = Hookstub.freePort();
        ConfigException refused = assertThrows(ConfigException.class, () -> Hookstub.start(
                Hookstub.defaultConfig().withPort(port).withFixtures(Fixtures.read(dir, StubServer.API_IDS))));
        assertTrue(refused.getMessage().contains("partoo.json"), refused.getMessage());
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress("127.0.0.1", port));
            assertTrue(again.isBound());
        }
    }

    /**
     * Grizzly starts its listener before it hands over its handlers: a request that met that moment got Grizzly's
     * own HTML 404. Each start here writes a request on the very connection that first got through.
     */
    @Test
    void theRequestOnTheFirstConnectionIsTheFrontDoors() throws Exception {
        for (int start = 0; start < STARTS; start++) {
            int port = Hookstub.freePort();
            ExecutorService starter = Executors.newSingleThreadExecutor();
            try {
                Future<Hookstub> starting = starter.submit(() -> Hookstub.start(Hookstub.defaultConfig()
                        .withPort(port)));
                String answer = firstAnswer(port, "GET /no-such-api HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Connection: close\r\n\r\n");
                starting.get(60, TimeUnit.SECONDS).close();
                assertTrue(answer.startsWith("HTTP/1.1 404"), answer);
                assertTrue(answer.contains("No such endpoint") && !answer.contains("Grizzly"), "start " + start
                        + ": " + answer);
            } finally {
                starter.shutdownNow();
            }
        }
    }

    /** Connects as soon as the port takes connections, writes the request at once and reads the whole answer. */
    private static String firstAnswer(int port, String request) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (ConnectException notYet) {
                Thread.onSpinWait();
            }
        }
        throw new AssertionError("the stub did not listen on " + port);
    }

    private static void assertAnswered(Expected expected, HttpResponse<String> response) {
        assertEquals(expected.status(), response.statusCode(), expected.path() + ": " + response.body());
        assertTrue(response.body().contains(expected.bodyPart()), expected.path() + ": " + response.body());
    }

    /** Returns as soon as a connection to the port succeeds, before the start has returned if it is quick enough. */
    private static void awaitConnectable(int port, Future<Hookstub> starting) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException notYet) {
                if (starting.isDone()) {
                    starting.get();
                    return;
                }
                Thread.sleep(1);
            }
        }
        throw new AssertionError("the stub did not listen on " + port);
    }
}
