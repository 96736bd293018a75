package dev.hookstub.server.journal;

import dev.hookstub.server.error.CapturedLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.ServerConfig;
import dev.hookstub.server.StubHttp;
import dev.hookstub.server.StubServer;
import dev.hookstub.server.core.ExampleRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The journal, through the admin API, of requests made over real HTTP to a real stub. */
class RequestJournalTest {

    static final String[] ADMIN = {"Authorization", "Bearer admin_test_key"};
    static final String[] MKP = {"Authorization", "Bearer mkp_test_key"};
    /** Mollie's organization access token: its webhooks endpoints refuse the API key. */
    static final String MOLLIE_KEY = "access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM";
    static final ObjectMapper JSON = new ObjectMapper();

    private static StubServer server;
    private static StubHttp http;

    @BeforeAll
    static void start() {
        server = StubServer.start(ServerConfig.defaults().withPort(0));
        http = new StubHttp(server.baseUri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        assertEquals(204, http.post("/__admin/reset", null, ADMIN).statusCode());
    }

    @Nested
    class Entries {

        @Test
        void aGetOnTheFastPathIsJournaledWithItsTemplateStatusAndMaskedCredential() {
            ExampleRequest example = example(server, "mijnklantportaal");
            long fastBefore = server.fastCarrierServed("mijnklantportaal");
            assertEquals(200, http.get(example.path().startsWith("/") ? "/mijnklantportaal/v1" + example.path()
                    : example.path(), example.header(), example.value()).statusCode());
            assertEquals(fastBefore + 1, server.fastCarrierServed("mijnklantportaal"), "served on the fast path");

            JsonNode entry = only(http, "mijnklantportaal");
            assertEquals("GET", entry.get("method").asText());
            assertEquals("/mijnklantportaal/v1" + example.path(), entry.get("path").asText());
            assertEquals("/webhooks/{webhookId}", entry.get("pathTemplate").asText());
            assertEquals(200, entry.get("status").asInt());
            assertTrue(entry.get("refusal").isNull(), entry.toString());
            assertTrue(entry.get("body").isNull(), entry.toString());
            assertFalse(entry.get("bodyTruncated").asBoolean());
            assertTrue(entry.get("durationMs").asDouble() >= 0);
            assertEquals("Bearer ****", entry.at("/headers/authorization/0").asText());
            assertFalse(entry.toString().contains("mkp_test_key"), entry.toString());
        }

        @Test
        void aBadCredentialIsRefusedByAuthenticationAndSaysSo() {
            assertEquals(401, http.get("/partoo/v2/webhooks/1", "x-APIKey", "not-the-key").statusCode());
            JsonNode entry = only(http, "partoo");
            assertEquals(401, entry.get("status").asInt());
            assertTrue(entry.get("refusal").asText().startsWith("authentication: the x-APIKey header"),
                    entry.toString());
            assertEquals("****", entry.at("/headers/x-apikey/0").asText());
            assertFalse(entry.toString().contains("not-the-key"), entry.toString());
        }

        @Test
        void aMissingCredentialIsRefusedByAuthenticationAndSaysSo() {
            assertEquals(401, http.get("/partoo/v2/webhooks/1").statusCode());
            assertEquals("authentication: no x-APIKey header", only(http, "partoo").get("refusal").asText());
        }

        @Test
        void anInvalidQueryIsRefusedByTheSpecRuleNamingTheParameter() {
            HttpResponse<String> refused = http.get("/mollie/v2/webhooks/hook_1?testmode=maybe",
                    "Authorization", "Bearer " + MOLLIE_KEY);
            assertTrue(refused.statusCode() >= 400 && refused.statusCode() < 500, refused.body());
            JsonNode entry = only(http, "mollie");
            assertEquals(refused.statusCode(), entry.get("status").asInt());
            assertTrue(entry.get("refusal").asText().startsWith("spec: testmode: "), entry.toString());
            assertEquals("testmode=maybe", entry.get("query").asText());
            assertEquals("/v2/webhooks/{webhookId}", entry.get("pathTemplate").asText());
            assertEquals("Bearer ****lXsM", entry.at("/headers/authorization/0").asText());
            assertFalse(entry.toString().contains(MOLLIE_KEY), entry.toString());
        }

        @Test
        void aRefusalOfTheHttpLayerIsJournaledWithItsReason() throws IOException {
            // Java's client will not send a Host header of its own: a socket does.
            try (Socket socket = new Socket(server.baseUri().getHost(), server.port())) {
                socket.getOutputStream().write(("GET /partoo/v2/webhooks/1 HTTP/1.1\r\nHost: bad host!\r\n"
                        + "x-APIKey: partoo_test_key\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII)).readLine();
                assertTrue(statusLine.startsWith("HTTP/1.1 400"), statusLine);
            }
            JsonNode entry = only(http, "partoo");
            assertEquals(400, entry.get("status").asInt());
            assertEquals("request: The Host header is malformed.", entry.get("refusal").asText());
            assertEquals("bad host!", entry.at("/headers/host/0").asText());
        }

        @Test
        void aPathOfNoOperationHasNoTemplateAndIsRefusedAsNotFound() {
            assertEquals(404, http.get("/partoo/v2/nothing/here", "x-APIKey", "partoo_test_key").statusCode());
            JsonNode entry = only(http, "partoo");
            assertTrue(entry.get("pathTemplate").isNull(), entry.toString());
            assertTrue(entry.get("refusal").asText().startsWith("not found: "), entry.toString());
        }

        @Test
        void aCreateOnTheFastPathKeepsItsBody() {
            long fastBefore = server.fastCarrierServed("mijnklantportaal");
            String body = "{\"url\": \"https://example.com/fast\", \"type\": \"offer-created\"}";
            assertEquals(201, http.post("/mijnklantportaal/v1/webhooks", body, MKP).statusCode());
            assertEquals(fastBefore + 1, server.fastCarrierServed("mijnklantportaal"), "served on the fast path");
            JsonNode entry = only(http, "mijnklantportaal");
            assertEquals(body, entry.get("body").asText());
            assertEquals("/webhooks", entry.get("pathTemplate").asText());
            assertEquals(201, entry.get("status").asInt());
        }

        @Test
        void aBodyBeyondEightKibIsCutAndMarked() {
            String body = "{\"url\": \"https://example.com/" + "a".repeat(9000) + "\", \"type\": \"offer-created\"}";
            http.post("/mijnklantportaal/v1/webhooks", body, MKP);
            JsonNode entry = only(http, "mijnklantportaal");
            assertTrue(entry.get("bodyTruncated").asBoolean(), entry.toString());
            assertEquals(body.substring(0, JournalEntry.MAX_BODY_BYTES), entry.get("body").asText());
        }

        @Test
        void adminHealthAndSpecRequestsAreNotJournaled() {
            http.get("/health");
            http.get("/mollie/openapi.json");
            http.get("/__admin/mollie/webhooks", ADMIN);
            assertEquals(0, list(http, "mollie", "").get("total").asInt());
        }
    }

    @Nested
    class Filters {

        @Test
        void listingFiltersByMethodTemplateStatusAndTimeNewestFirst() {
            Instant before = Instant.now().minusSeconds(1);
            String created = create(http, "https://example.com/one");
            http.get("/mijnklantportaal/v1/webhooks/" + created, MKP);
            http.get("/mijnklantportaal/v1/webhooks/wbh_doesnotexist00", MKP);

            JsonNode all = list(http, "mijnklantportaal", "");
            assertEquals(3, all.get("total").asInt());
            assertEquals(List.of(404, 200, 201), statuses(all));
            assertEquals(List.of(201), statuses(list(http, "mijnklantportaal", "?method=post")));
            assertEquals(List.of(404, 200),
                    statuses(list(http, "mijnklantportaal", "?pathTemplate=%2Fwebhooks%2F%7BwebhookId%7D")));
            assertEquals(List.of(404), statuses(list(http, "mijnklantportaal", "?status=404")));
            assertEquals(3, list(http, "mijnklantportaal", "?since=" + before).get("total").asInt());
            assertEquals(0, list(http, "mijnklantportaal", "?until=" + before).get("total").asInt());
            JsonNode limited = list(http, "mijnklantportaal", "?limit=1");
            assertEquals(3, limited.get("total").asInt());
            assertEquals(List.of(404), statuses(limited));
        }

        @Test
        void countVerifiesByMethodTemplateAndAValueInTheBody() {
            create(http, "https://example.com/one");
            create(http, "https://example.com/two");
            create(http, "https://example.com/two");
            assertEquals(3, count(http, "{}"));
            assertEquals(3, count(http, "{\"method\": \"POST\", \"pathTemplate\": \"/webhooks\"}"));
            assertEquals(0, count(http, "{\"method\": \"GET\"}"));
            assertEquals(2, count(http, "{\"bodyPointer\": \"/url\", \"bodyEquals\": \"https://example.com/two\"}"));
            assertEquals(3, count(http, "{\"bodyPointer\": \"/url\"}"));
            assertEquals(0, count(http, "{\"bodyPointer\": \"/missing\"}"));
            assertEquals(0, count(http, "{\"bodyPointer\": \"/url\", \"bodyEquals\": null}"));
            assertEquals(3, count(http, "{\"bodyPointer\": \"/type\", \"bodyEquals\": \"offer-created\", "
                    + "\"status\": 201}"));
        }

        @Test
        void malformedFiltersAre400NamingTheFieldAndChangeNothing() {
            create(http, "https://example.com/one");
            assertRefused(http.get("/__admin/mijnklantportaal/requests?status=abc", ADMIN), "status");
            assertRefused(http.get("/__admin/mijnklantportaal/requests?status=99", ADMIN), "status");
            assertRefused(http.get("/__admin/mijnklantportaal/requests?since=yesterday", ADMIN), "since");
            assertRefused(http.get("/__admin/mijnklantportaal/requests?until=2026-13-01T00:00:00Z", ADMIN), "until");
            assertRefused(http.get("/__admin/mijnklantportaal/requests?method=G%20T", ADMIN), "method");
            assertRefused(http.post("/__admin/mijnklantportaal/requests/count", "{\"bodyPointer\": \"url\"}", ADMIN),
                    "bodyPointer");
            assertRefused(http.post("/__admin/mijnklantportaal/requests/count", "{\"bodyEquals\": 1}", ADMIN),
                    "bodyPointer");
            assertRefused(http.post("/__admin/mijnklantportaal/requests/count", "{\"status\": \"x\"}", ADMIN),
                    "status");
            assertRefused(http.post("/__admin/mijnklantportaal/requests/count", "{\"nope\": 1}", ADMIN), null);
            assertEquals(1, list(http, "mijnklantportaal", "").get("total").asInt());
        }

        @Test
        void anUnknownApiIs404() {
            assertEquals(404, http.get("/__admin/stripe/requests", ADMIN).statusCode());
            assertEquals(404, http.delete("/__admin/stripe/requests", ADMIN).statusCode());
            assertEquals(404, http.post("/__admin/stripe/requests/count", "{}", ADMIN).statusCode());
            assertEquals(401, http.get("/__admin/partoo/requests").statusCode());
        }
    }

    @Nested
    class Clearing {

        @Test
        void deleteClearsOneApisJournalAndIdsCountOn() {
            create(http, "https://example.com/one");
            http.get("/partoo/v2/webhooks/1", "x-APIKey", "partoo_test_key");
            long firstId = list(http, "mijnklantportaal", "").at("/requests/0/id").asLong();
            assertEquals(204, http.delete("/__admin/mijnklantportaal/requests", ADMIN).statusCode());
            assertEquals(0, list(http, "mijnklantportaal", "").get("total").asInt());
            assertEquals(1, list(http, "partoo", "").get("total").asInt(), "other APIs keep theirs");
            create(http, "https://example.com/two");
            assertEquals(firstId + 1, list(http, "mijnklantportaal", "").at("/requests/0/id").asLong());
        }

        @Test
        void resetClearsEveryJournal() {
            create(http, "https://example.com/one");
            http.get("/partoo/v2/webhooks/1", "x-APIKey", "partoo_test_key");
            assertEquals(204, http.post("/__admin/reset", null, ADMIN).statusCode());
            assertEquals(0, list(http, "mijnklantportaal", "").get("total").asInt());
            assertEquals(0, list(http, "partoo", "").get("total").asInt());
        }
    }

    @Nested
    class WithoutFastCarrier {

        @Test
        void aCreateThroughJerseyKeepsItsBodyAndAGetIsJournaledTheSame() {
            try (StubServer jersey = StubServer.start(ServerConfig.defaults().withPort(0).withFastCarrier(false))) {
                StubHttp slow = new StubHttp(jersey.baseUri());
                String body = "{\"url\": \"https://example.com/jersey\", \"type\": \"offer-created\"}";
                String id = field(slow.post("/mijnklantportaal/v1/webhooks", body, MKP), "id");
                slow.get("/mijnklantportaal/v1/webhooks/" + id, MKP);
                assertEquals(0, jersey.fastCarrierServed("mijnklantportaal"));

                JsonNode page = list(slow, "mijnklantportaal", "");
                assertEquals(List.of(200, 201), statuses(page));
                JsonNode create = page.at("/requests/1");
                assertEquals(body, create.get("body").asText());
                assertEquals("/webhooks", create.get("pathTemplate").asText());
                JsonNode get = page.at("/requests/0");
                assertEquals("/webhooks/{webhookId}", get.get("pathTemplate").asText());
                assertTrue(get.get("body").isNull());
                assertEquals("Bearer ****", get.at("/headers/authorization/0").asText());
            }
        }

        @Test
        void anInvalidBodyThroughJerseyIsRefusedByTheSpecAndKept() {
            try (StubServer jersey = StubServer.start(ServerConfig.defaults().withPort(0).withFastCarrier(false))) {
                StubHttp slow = new StubHttp(jersey.baseUri());
                String body = "{\"type\": \"offer-created\"}";
                assertTrue(slow.post("/mijnklantportaal/v1/webhooks", body, MKP).statusCode() >= 400);
                JsonNode entry = only(slow, "mijnklantportaal");
                assertEquals(body, entry.get("body").asText());
                assertTrue(entry.get("refusal").asText().startsWith("spec: url: "), entry.toString());
            }
        }
    }

    @Nested
    class Bound {

        @Test
        void aJournalOfThreeKeepsTheLastThree() {
            try (StubServer small = StubServer.start(ServerConfig.defaults().withPort(0)
                    .withJournal(JournalOptions.defaults().withSize(3)))) {
                StubHttp client = new StubHttp(small.baseUri());
                for (int i = 1; i <= 5; i++) {
                    client.get("/partoo/v2/webhooks/" + i, "x-APIKey", "partoo_test_key");
                }
                JsonNode page = list(client, "partoo", "");
                assertEquals(3, page.get("total").asInt());
                List<String> paths = new java.util.ArrayList<>();
                page.get("requests").forEach(entry -> paths.add(entry.get("path").asText()));
                assertEquals(List.of("/partoo/v2/webhooks/5", "/partoo/v2/webhooks/4", "/partoo/v2/webhooks/3"),
                        paths);
            }
        }

        @Test
        void aJournalOfZeroRecordsNothing() {
            try (StubServer off = StubServer.start(ServerConfig.defaults().withPort(0)
                    .withJournal(JournalOptions.defaults().withSize(0)))) {
                StubHttp client = new StubHttp(off.baseUri());
                client.get("/partoo/v2/webhooks/1", "x-APIKey", "partoo_test_key");
                assertEquals(0, list(client, "partoo", "").get("total").asInt());
                assertEquals(0, count(client, "{}"));
            }
        }
    }

    @Nested
    class Logging {

        @Test
        void eachRequestIsOneLineAndARefusalSaysWhyWithoutTheCredential() {
            try (StubServer logging = StubServer.start(ServerConfig.defaults().withPort(0)
                    .withJournal(JournalOptions.defaults().withLogRequests(true)))) {
                StubHttp client = new StubHttp(logging.baseUri());
                List<LogRecord> lines = CapturedLog.during(RequestLog.class, () -> {
                    client.get("/partoo/v2/webhooks/1", "x-APIKey", "partoo_test_key");
                    client.get("/mollie/v2/webhooks/hook_1", "Authorization", "Bearer " + MOLLIE_KEY + "x");
                    client.get("/__admin/partoo/requests", ADMIN);
                });
                assertEquals(2, lines.size(), lines.stream().map(LogRecord::getMessage).toList().toString());
                assertTrue(lines.get(0).getMessage().matches(
                        "partoo GET /partoo/v2/webhooks/1 -> 200 [0-9.]+ms"), lines.get(0).getMessage());
                String refused = lines.get(1).getMessage();
                assertTrue(refused.startsWith("mollie GET /mollie/v2/webhooks/hook_1 -> 401 "), refused);
                assertTrue(refused.endsWith("(authentication: the Authorization header's credential is not one the "
                        + "stub knows)"), refused);
                assertFalse(refused.contains(MOLLIE_KEY), refused);
            }
        }

        @Test
        void withoutTheOptionNothingIsLogged() {
            List<LogRecord> lines = CapturedLog.during(RequestLog.class,
                    () -> http.get("/partoo/v2/webhooks/1", "x-APIKey", "partoo_test_key"));
            assertEquals(List.of(), lines);
        }
    }

    static ExampleRequest example(StubServer stub, String api) {
        return stub.apis().stream().filter(a -> a.id().equals(api)).findFirst().orElseThrow().exampleRequest();
    }

    static String create(StubHttp client, String url) {
        HttpResponse<String> created = client.post("/mijnklantportaal/v1/webhooks",
                "{\"url\": \"" + url + "\", \"type\": \"offer-created\"}", MKP);
        assertEquals(201, created.statusCode(), created.body());
        return field(created, "id");
    }

    static JsonNode list(StubHttp client, String api, String query) {
        HttpResponse<String> page = client.get("/__admin/" + api + "/requests" + query, ADMIN);
        assertEquals(200, page.statusCode(), page.body());
        return json(page.body());
    }

    static JsonNode only(StubHttp client, String api) {
        JsonNode page = list(client, api, "");
        assertEquals(1, page.get("total").asInt(), page.toString());
        return page.at("/requests/0");
    }

    static int count(StubHttp client, String query) {
        HttpResponse<String> counted = client.post("/__admin/mijnklantportaal/requests/count", query, ADMIN);
        assertEquals(200, counted.statusCode(), counted.body());
        return json(counted.body()).get("count").asInt();
    }

    static List<Integer> statuses(JsonNode page) {
        List<Integer> statuses = new java.util.ArrayList<>();
        page.get("requests").forEach(entry -> statuses.add(entry.get("status").asInt()));
        return statuses;
    }

    static void assertRefused(HttpResponse<String> response, String field) {
        assertEquals(400, response.statusCode(), response.body());
        JsonNode body = json(response.body());
        assertTrue(body.hasNonNull("message"), response.body());
        if (field != null) {
            assertEquals(field, body.path("field").asText(), response.body());
        }
    }

    static String field(HttpResponse<String> response, String name) {
        return json(response.body()).get(name).asText();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
