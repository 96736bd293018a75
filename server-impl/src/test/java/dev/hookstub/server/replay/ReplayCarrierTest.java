package dev.hookstub.server.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.server.ServerConfig;
import dev.hookstub.server.StubServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The replay carrier must be invisible: the second of two identical GETs is replayed, not answered by Jersey, and
 * its bytes on the wire (status line, headers, body) are the first answer's, and the answer of a stub without the
 * carrier; successes and refusals alike. Each API's own carrier must have replayed (not a sum over all four), and
 * no answer may outlive a change of the data it came from.
 */
class ReplayCarrierTest {

    private static StubServer replaying;
    private static StubServer jerseyOnly;
    private static final Map<String, Integer> REPLAYS_CHECKED = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        replaying = StubServer.start(ServerConfig.defaults().withPort(0));
        jerseyOnly = StubServer.start(ServerConfig.defaults().withPort(0).withReplay(false));
    }

    @AfterAll
    static void stop() {
        try {
            for (String api : StubServer.API_IDS) {
                assertTrue(REPLAYS_CHECKED.getOrDefault(api, 0) >= 3,
                        api + ": " + REPLAYS_CHECKED.getOrDefault(api, 0) + " replays checked");
                assertEquals(0, jerseyOnly.replayed(api), api);
            }
        } finally {
            replaying.close();
            jerseyOnly.close();
        }
    }

    static Stream<Arguments> requests() {
        String mkp = "Authorization: Bearer mkp_test_key";
        String mollie = "Authorization: Bearer access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM";
        return Stream.of(
                Arguments.of("/mijnklantportaal/v1/webhooks/wbh_abc12345def678", List.of(mkp)),
                Arguments.of("/mijnklantportaal/v1/webhooks/wbh_abc12345def678", List.of("Authorization: Bearer mkp_other_key")),
                Arguments.of("/mijnklantportaal/v1/webhooks/wbh_abc12345def678", List.of("Authorization: bearer  mkp_test_key")),
                Arguments.of("/mijnklantportaal/v1/webhooks/wbh_abc12345def678?x=1", List.of(mkp)),
                Arguments.of("/mijnklantportaal/v1/webhooks/wbh_abc12345def678", List.of()),
                Arguments.of("/mijnklantportaal/v1/webhooks/nope", List.of(mkp)),
                Arguments.of("/mijnklantportaal/v1/webhooks/wbh_abc12345def678/", List.of(mkp)),
                Arguments.of("/mijnklantportaal/v1/webhooks/wbh_abc12345def678", List.of(mkp, "Accept: text/html")),
                Arguments.of("/equalsmoney/v2/webhooks/da91434a-4026-42ea-84b8-d0317b64af9c", List.of("Authorization: equals_test_key")),
                Arguments.of("/equalsmoney/v2/webhooks/DA91434A-4026-42EA-84B8-D0317B64AF9C", List.of("Authorization: equals_test_key")),
                Arguments.of("/equalsmoney/v2/webhooks/da91434a-4026-42ea-84b8-d0317b64af9c?accountId=F50091", List.of("Authorization: equals_any_key")),
                Arguments.of("/equalsmoney/v2/webhooks/da91434a-4026-42ea-84b8-d0317b64af9c?accountId=OTHER", List.of("Authorization: equals_test_key")),
                Arguments.of("/equalsmoney/v2/webhooks/da91434a-4026-42ea-84b8-d0317b64af9c", List.of("Authorization: equals_noscope_key")),
                Arguments.of("/equalsmoney/v2/webhooks/not-a-uuid", List.of("Authorization: equals_test_key")),
                Arguments.of("/partoo/v2/webhooks/1", List.of("x-APIKey: partoo_test_key")),
                Arguments.of("/partoo/v2/webhooks/1?org_id=2", List.of("x-APIKey: partoo_provider_key")),
                Arguments.of("/partoo/v2/webhooks/1", List.of("x-APIKey: partoo_other_key")),
                Arguments.of("/partoo/v2/webhooks/99999999999", List.of("x-APIKey: partoo_test_key")),
                Arguments.of("/partoo/v2/webhooks/1?org_id=abc", List.of("x-APIKey: partoo_test_key")),
                Arguments.of("/mollie/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=true", List.of(mollie)),
                Arguments.of("/mollie/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=true", List.of(mollie, "Host: Stub.Example:9999")),
                Arguments.of("/mollie/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=true", List.of(mollie, "Host: stub.example")),
                Arguments.of("/mollie/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH", List.of(mollie)),
                Arguments.of("/mollie/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=true", List.of("Authorization: Bearer test_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM")),
                Arguments.of("/mollie/v2/webhooks/nohook?testmode=true", List.of(mollie)));
    }

    @ParameterizedTest(name = "GET {0} {1}")
    @MethodSource("requests")
    void theReplayIsTheSameAnswerByteForByte(String path, List<String> headers) throws Exception {
        String api = path.split("/")[1];
        String first = get(replaying, path, headers);
        long before = replaying.replayed(api);
        String second = get(replaying, path, headers);
        assertEquals(before + 1, replaying.replayed(api), "the second identical GET was replayed");
        REPLAYS_CHECKED.merge(api, 1, Integer::sum);
        assertEquals(first, second, "replayed bytes");
        assertEquals(get(jerseyOnly, path, headers), second, "the replay is what Jersey alone answers");
    }

    @Test
    void noAnswerOutlivesAChangeOfTheData() throws Exception {
        String path = "/partoo/v2/webhooks/2";
        List<String> key = List.of("x-APIKey: partoo_test_key");
        assertTrue(get(replaying, path, key).startsWith("HTTP/1.1 404"));
        assertTrue(get(replaying, path, key).startsWith("HTTP/1.1 404"), "replayed");
        String created = send(replaying, "POST /__admin/partoo/webhooks", List.of("Authorization: Bearer admin_test_key",
                "Content-Type: application/json"), "{\"url\":\"https://example.com/p\",\"event_type\":\"lead_received\"}");
        assertTrue(created.startsWith("HTTP/1.1 201"), created);
        assertTrue(get(replaying, path, key).startsWith("HTTP/1.1 200"), "the create is seen at once");
        long before = replaying.replayed("partoo");
        assertTrue(get(replaying, path, key).startsWith("HTTP/1.1 200"));
        assertEquals(before + 1, replaying.replayed("partoo"), "and replayed from then on");
        send(replaying, "DELETE /__admin/partoo/webhooks/2", List.of("Authorization: Bearer admin_test_key"), null);
        assertTrue(get(replaying, path, key).startsWith("HTTP/1.1 404"), "the delete is seen at once");
    }

    @Test
    void aBoundedCacheStartsOverInsteadOfGrowing() {
        ReplayCarrier carrier = new ReplayCarrier(new org.glassfish.grizzly.http.server.HttpHandler() {
            @Override
            public void service(org.glassfish.grizzly.http.server.Request request,
                                org.glassfish.grizzly.http.server.Response response) {
            }
        }, () -> 0, 3);
        for (int i = 0; i < 10; i++) {
            carrier.keep("k" + i, new Replay(0, 200, "OK", List.of(), new byte[0]));
            assertTrue(carrier.size() <= 3, "at most 3 kept, now " + carrier.size());
        }
    }

    private static String get(StubServer server, String path, List<String> headers) throws Exception {
        return send(server, "GET " + path, headers, null);
    }

    /** One request on its own connection; the whole answer as sent. */
    private static String send(StubServer server, String requestLine, List<String> headers, String body)
            throws Exception {
        boolean hasHost = headers.stream().anyMatch(h -> h.regionMatches(true, 0, "Host:", 0, 5));
        String head = requestLine + " HTTP/1.1\r\n" + (hasHost ? "" : "Host: 127.0.0.1:" + server.port() + "\r\n")
                + headers.stream().map(h -> h + "\r\n").collect(Collectors.joining())
                + (body == null ? "" : "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n")
                + "Connection: close\r\n\r\n" + (body == null ? "" : body);
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(":" + server.port() + "/", ":PORT/");
        }
    }
}
