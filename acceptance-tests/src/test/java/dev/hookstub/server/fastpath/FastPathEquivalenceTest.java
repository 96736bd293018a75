package dev.hookstub.server.fastpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubExtension;
import dev.hookstub.server.StubServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast path must be invisible: for every request, a stub with it answers exactly as a stub without it
 * (status, Content-Type, body), successes and refusals alike. Jersey and the fast path run the same operations, so what this
 * checks is what each does on its own: what it reads off the request and how it writes the answer. Every success
 * from the stub with it, but the few {@link #LEFT_TO_JERSEY}, must have come from the fast path of the API it was
 * sent to: otherwise the comparison would hold trivially for that API, both answers being Jersey's.
 */
class FastPathEquivalenceTest {

    @RegisterExtension
    static final HookstubExtension fastStub = HookstubExtension.with(Hookstub.defaultConfig());
    @RegisterExtension
    static final HookstubExtension jerseyStub = HookstubExtension.with(Hookstub.defaultConfig()
            .withFastPath(false));

    private static StubServer fast;
    private static StubServer jerseyOnly;
    /** Per API, how many successes from {@link #fast} were checked to have come from that API's fast path. */
    private static final Map<String, Integer> FAST_SUCCESSES = new ConcurrentHashMap<>();
    /**
     * The successes below that the fast path leaves to Jersey by design: it takes only a plain request (no
     * trailing slash, exactly application/json).
     * Every other success must be its own.
     */
    private static final java.util.Set<String> LEFT_TO_JERSEY = java.util.Set.of(
            "GET /mijnklantportaal/v1/webhooks/wbh_abc12345def678/",
            "POST /mijnklantportaal/v1/webhooks Content-Type: application/json; charset=utf-8");

    @BeforeAll
    static void servers() {
        fast = fastStub.server();
        jerseyOnly = jerseyStub.server();
    }

    /** Each API's own fast path was checked, not only the sum of them all. */
    @AfterAll
    static void everyApisFastPathWasChecked() {
        for (String api : StubServer.API_IDS) {
            assertTrue(FAST_SUCCESSES.getOrDefault(api, 0) >= 2,
                    api + ": " + FAST_SUCCESSES.getOrDefault(api, 0) + " successes checked on its fast path");
            assertTrue(fast.fastPathServed(api) >= FAST_SUCCESSES.get(api), api);
            assertEquals(0, jerseyOnly.fastPathServed(api), api);
        }
    }

    /**
     * Sends a request to {@link #fast}; if it succeeds, the fast path of the API it was sent to must have answered
     * it, not that API's Jersey application, unless it is one of {@link #LEFT_TO_JERSEY}.
     *
     * @param described the method, the path and what sets the request apart, as {@link #LEFT_TO_JERSEY} names it
     */
    private static <T> T viaFast(String described, Callable<T> request, ToIntFunction<T> status) throws Exception {
        String api = described.split("/")[1];
        long before = fast.fastPathServed(api);
        T response = request.call();
        if (status.applyAsInt(response) / 100 == 2 && !LEFT_TO_JERSEY.contains(described)) {
            // The handler counts a request right after answering it: allow for the moment in between.
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (fast.fastPathServed(api) == before && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertEquals(before + 1, fast.fastPathServed(api),
                    described + " succeeded, but not on the " + api + " fast path: it fell back to Jersey");
            FAST_SUCCESSES.merge(api, 1, Integer::sum);
        }
        return response;
    }

    private static int rawStatus(String response) {
        return response.startsWith("HTTP/1.1 ") && response.length() >= 12 ? Integer.parseInt(response.substring(9, 12)) : 0;
    }

    static Stream<Arguments> requests() {
        String mkp = "Authorization=Bearer mkp_test_key";
        String mollie = "Authorization=Bearer access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM";
        return Stream.of(
                Arguments.of("/mijnklantportaal/v1/webhooks/wbh_abc12345def678", List.of(mkp)),
                Arguments.of("/mijnklantportaal/v1/webhooks/wbh_abc12345def678", List.of("Authorization=Bearer mkp_other_key")),
                Arguments.of("/mijnklantportaal/v1/webhooks/wbh_abc12345def678", List.of("Authorization=bearer  mkp_test_key")),
                Arguments.of("/mijnklantportaal/v1/webhooks/wbh_abc12345def678?x=1", List.of(mkp)),
                Arguments.of("/mijnklantportaal/v1/webhooks/wbh_abc12345def678", List.of()),
                Arguments.of("/mijnklantportaal/v1/webhooks/nope", List.of(mkp)),
                Arguments.of("/mijnklantportaal/v1/webhooks/wbh_abc12345def678/", List.of(mkp)),
                Arguments.of("/mijnklantportaal/v1/webhooks/wbh_abc12345def678", List.of(mkp, "Accept=text/html")),
                Arguments.of("/equalsmoney/v2/webhooks/da91434a-4026-42ea-84b8-d0317b64af9c", List.of("Authorization=equals_test_key")),
                Arguments.of("/equalsmoney/v2/webhooks/DA91434A-4026-42EA-84B8-D0317B64AF9C", List.of("Authorization=equals_test_key")),
                Arguments.of("/equalsmoney/v2/webhooks/da91434a-4026-42ea-84b8-d0317b64af9c?accountId=F50091", List.of("Authorization=equals_any_key")),
                Arguments.of("/equalsmoney/v2/webhooks/da91434a-4026-42ea-84b8-d0317b64af9c?accountId=OTHER", List.of("Authorization=equals_any_key")),
                Arguments.of("/equalsmoney/v2/webhooks/da91434a-4026-42ea-84b8-d0317b64af9c?accountId=OTHER", List.of("Authorization=equals_test_key")),
                Arguments.of("/equalsmoney/v2/webhooks/da91434a-4026-42ea-84b8-d0317b64af9c", List.of("Authorization=equals_noscope_key")),
                Arguments.of("/equalsmoney/v2/webhooks/not-a-uuid", List.of("Authorization=equals_test_key")),
                Arguments.of("/partoo/v2/webhooks/1", List.of("x-APIKey=partoo_test_key")),
                Arguments.of("/partoo/v2/webhooks/1?org_id=1", List.of("x-APIKey=partoo_provider_key")),
                Arguments.of("/partoo/v2/webhooks/1?org_id=2", List.of("x-APIKey=partoo_provider_key")),
                Arguments.of("/partoo/v2/webhooks/1", List.of("x-APIKey=partoo_provider_key")),
                Arguments.of("/partoo/v2/webhooks/1?org_id=2", List.of("x-APIKey=partoo_test_key")),
                Arguments.of("/partoo/v2/webhooks/01", List.of("x-APIKey=partoo_test_key")),
                Arguments.of("/partoo/v2/webhooks/99999999999", List.of("x-APIKey=partoo_test_key")),
                Arguments.of("/partoo/v2/webhooks/1?org_id=abc", List.of("x-APIKey=partoo_test_key")),
                Arguments.of("/mollie/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=true", List.of(mollie)),
                Arguments.of("/mollie/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=true", List.of(mollie, "Accept=application/json")),
                Arguments.of("/mollie/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH", List.of(mollie)),
                Arguments.of("/mollie/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=false", List.of(mollie)),
                Arguments.of("/mollie/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=TRUE", List.of(mollie)),
                Arguments.of("/mollie/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=true", List.of("Authorization=Bearer test_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM")),
                Arguments.of("/mollie/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=true", List.of("Authorization=Bearer access_noscope_test_token")),
                Arguments.of("/mollie/v2/webhooks/nohook?testmode=true", List.of(mollie)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("requests")
    void bothPathsAnswerAlike(String path, List<String> headers) throws Exception {
        String[] flat = headers.stream().flatMap(h -> Stream.of(h.split("=", 2))).toArray(String[]::new);
        HttpResponse<String> viaFast = viaFast("GET " + path, () -> fastStub.http().get(path, flat),
                HttpResponse::statusCode);
        HttpResponse<String> viaJersey = jerseyStub.http().get(path, flat);
        assertEquals(viaJersey.statusCode(), viaFast.statusCode(), path);
        assertEquals(viaJersey.headers().firstValue("Content-Type"), viaFast.headers().firstValue("Content-Type"), path);
        assertEquals(normalise(viaJersey.body(), jerseyOnly), normalise(viaFast.body(), fast), path);
    }

    @ParameterizedTest(name = "Host: {0}")
    @MethodSource("hosts")
    void mollieSelfLinksAgreeWhateverTheHostHeader(String host) throws Exception {
        String path = "/mollie/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=true";
        String viaFast = viaFast("GET " + path + " Host: " + host, () -> raw(fast, path, host),
                FastPathEquivalenceTest::rawStatus);
        String viaJersey = raw(jerseyOnly, path, host);
        assertTrue(viaJersey.startsWith("HTTP/1.1 200"), viaJersey);
        assertEquals(body(viaJersey), body(viaFast));
    }

    @org.junit.jupiter.api.Test
    void aHostWithoutAPortGivesUrlsWithoutOne() throws Exception {
        String read = "GET /mollie/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=true HTTP/1.1\r\nHost: stub.example\r\n"
                + "Authorization: Bearer access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM\r\nConnection: close\r\n\r\n";
        String body = "{\"url\": \"https://example.com/eq\", \"type\": \"invoice-paid\"}";
        String create = "POST /mijnklantportaal/v1/webhooks HTTP/1.1\r\nHost: stub.example\r\n"
                + "Authorization: Bearer mkp_test_key\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\nConnection: close\r\n\r\n" + body;
        for (StubServer server : List.of(fast, jerseyOnly)) {
            String readAnswer = server == fast
                    ? viaFast("GET /mollie/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=true Host: stub.example",
                            () -> send(server, read), FastPathEquivalenceTest::rawStatus)
                    : send(server, read);
            String createAnswer = server == fast
                    ? viaFast("POST /mijnklantportaal/v1/webhooks Host: stub.example", () -> send(server, create),
                            FastPathEquivalenceTest::rawStatus)
                    : send(server, create);
            assertTrue(readAnswer.contains(
                    "\"href\":\"http://stub.example/mollie/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=true\""),
                    "fast path " + (server == fast));
            assertTrue(createAnswer.matches(
                    "(?s)HTTP/1.1 201.*\r\nLocation: http://stub\\.example/mijnklantportaal/v1/webhooks/wbh_[a-z0-9]{14}\r\n.*"),
                    "fast path " + (server == fast));
        }
    }

    static Stream<Arguments> creates() {
        String json = "application/json";
        String valid = "{\"url\": \"https://example.com/eq\", \"type\": \"invoice-paid\"}";
        return Stream.of(
                Arguments.of(json, "Bearer mkp_test_key", valid),
                Arguments.of(json, "Bearer mkp_other_key", valid),
                Arguments.of(json, "Bearer wrong", valid),
                Arguments.of("text/plain", "Bearer mkp_test_key", valid),
                Arguments.of("application/json; charset=utf-8", "Bearer mkp_test_key", valid),
                Arguments.of(json, "Bearer mkp_test_key", "{\"url\": \"https://example.com/eq\"}"),
                Arguments.of(json, "Bearer mkp_test_key", "{\"type\": \"invoice-paid\"}"),
                Arguments.of(json, "Bearer mkp_test_key", "{\"url\": \"ftp://x/y\", \"type\": \"invoice-paid\"}"),
                Arguments.of(json, "Bearer mkp_test_key", "{\"url\": \"https://e.com/x\", \"type\": \"nope\"}"),
                Arguments.of(json, "Bearer mkp_test_key", "{\"url\": 5, \"type\": \"invoice-paid\"}"),
                Arguments.of(json, "Bearer mkp_test_key", "{\"url\": "),
                Arguments.of(json, "Bearer mkp_test_key", "[1, 2]"),
                Arguments.of(json, "Bearer mkp_test_key", "null"),
                Arguments.of(json, "Bearer mkp_test_key", valid + " trailing"),
                Arguments.of(json, "Bearer mkp_test_key", "{\"url\": \"https://e.com/x\", \"url\": \"https://e.com/y\", \"type\": \"invoice-paid\"}"));
    }

    @ParameterizedTest(name = "POST {0} {1} {2}")
    @MethodSource("creates")
    void bothPathsCreateAlike(String contentType, String authorization, String body) throws Exception {
        HttpResponse<String> viaFast = viaFast("POST /mijnklantportaal/v1/webhooks Content-Type: " + contentType,
                () -> fastStub.http()
                .postAsIs("/mijnklantportaal/v1/webhooks", body, "Content-Type", contentType, "Authorization", authorization),
                HttpResponse::statusCode);
        HttpResponse<String> viaJersey = jerseyStub.http().postAsIs("/mijnklantportaal/v1/webhooks", body,
                "Content-Type", contentType, "Authorization", authorization);
        assertEquals(viaJersey.statusCode(), viaFast.statusCode(), body);
        assertEquals(viaJersey.headers().firstValue("Content-Type"), viaFast.headers().firstValue("Content-Type"));
        assertEquals(created(normalise(viaJersey.body(), jerseyOnly)), created(normalise(viaFast.body(), fast)));
        assertEquals(viaJersey.headers().firstValue("Location").map(l -> created(normalise(l + "/", jerseyOnly))),
                viaFast.headers().firstValue("Location").map(l -> created(normalise(l + "/", fast))));
    }

    /** What differs between two creates by design: the new id, secret and timestamp. */
    private static String created(String text) {
        return text.replaceAll("wbh_[a-z0-9]{14}", "ID").replaceAll("\"secret\":\"[A-Za-z0-9]{20}\"", "SECRET")
                .replaceAll("\"createdAt\":\"[^\"]+\"", "TIME");
    }

    static Stream<String> hosts() {
        return Stream.of("stub.example:9999", "Stub.Example:9999", "stub.example", "127.0.0.1:1", "[::1]:8080");
    }

    private static String normalise(String body, StubServer server) {
        return body.replace(":" + server.port() + "/", ":PORT/");
    }

    private static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    private static String raw(StubServer server, String path, String host) throws Exception {
        return send(server, "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n"
                + "Authorization: Bearer access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM\r\nConnection: close\r\n\r\n");
    }

    private static String send(StubServer server, String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
