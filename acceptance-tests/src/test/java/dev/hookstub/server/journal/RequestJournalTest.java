package dev.hookstub.server.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubExtension;
import dev.hookstub.junit.HookstubHttp;
import dev.hookstub.server.api.ExampleRequest;
import dev.hookstub.server.error.CapturedLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The journal, through the admin API, of requests made over real HTTP to a real stub. */
class RequestJournalTest {

        static final String[] MKP = {"Authorization", "Bearer mkp_test_key"};
    /** Mollie's organization access token: its webhooks endpoints refuse the API key. */
    static final String MOLLIE_KEY = "access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM";

    @RegisterExtension
    static final HookstubExtension stub = HookstubExtension.with(Hookstub.defaultConfig());

    @Nested
    class Entries {

        @Test
        void aGetOnTheFastPathIsJournaledWithItsTemplateStatusAndMaskedCredential() {
            ExampleRequest example = example(stub.hookstub(), "mijnklantportaal");
            long fastBefore = stub.server().fastPathServed("mijnklantportaal");
            assertEquals(200, stub.http().get(example.path().startsWith("/") ? "/mijnklantportaal/v1" + example.path()
                    : example.path(), example.header(), example.value()).statusCode());
            assertEquals(fastBefore + 1, stub.server().fastPathServed("mijnklantportaal"), "served on the fast path");

            JsonNode entry = only(stub.hookstub(), "mijnklantportaal");
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
            assertEquals(401, stub.http().get("/partoo/v2/webhooks/1", "x-APIKey", "not-the-key").statusCode());
            JsonNode entry = only(stub.hookstub(), "partoo");
            assertEquals(401, entry.get("status").asInt());
            assertTrue(entry.get("refusal").asText().startsWith("authentication: the x-APIKey header"),
                    entry.toString());
            assertEquals("****", entry.at("/headers/x-apikey/0").asText());
            assertFalse(entry.toString().contains("not-the-key"), entry.toString());
        }

        @Test
        void aMissingCredentialIsRefusedByAuthenticationAndSaysSo() {
            assertEquals(401, stub.http().get("/partoo/v2/webhooks/1").statusCode());
            assertEquals("authentication: no x-APIKey header", only(stub.hookstub(), "partoo").get("refusal").asText());
        }

        @Test
        void aHeaderOrQueryParameterNamedLikeASecretIsMaskedThoughTheSpecNamesNeither() {
            // A sandbox's traffic carries credentials its document never names: only their names give them away.
            stub.http().get("/partoo/v2/webhooks/1?access_token=sk_live_0123456789abcdef&page=2",
                    "x-APIKey", "not-the-key", "X-Auth-Token", "tok_9f8e7d6c5b4a39281706");
            JsonNode entry = only(stub.hookstub(), "partoo");
            assertEquals("access_token=****cdef&page=2", entry.get("query").asText());
            assertEquals("****1706", entry.at("/headers/x-auth-token/0").asText());
            assertFalse(entry.toString().contains("sk_live_0123456789abcdef"), entry.toString());
            assertFalse(entry.toString().contains("tok_9f8e7d6c5b4a39281706"), entry.toString());
        }

        @Test
        void anInvalidQueryIsRefusedByTheSpecRuleNamingTheParameter() {
            HttpResponse<String> refused = stub.http().get("/mollie/v2/webhooks/hook_1?testmode=maybe",
                    "Authorization", "Bearer " + MOLLIE_KEY);
            assertTrue(refused.statusCode() >= 400 && refused.statusCode() < 500, refused.body());
            JsonNode entry = only(stub.hookstub(), "mollie");
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
            try (Socket socket = new Socket(stub.server().baseUri().getHost(), stub.server().port())) {
                socket.getOutputStream().write(("GET /partoo/v2/webhooks/1 HTTP/1.1\r\nHost: bad host!\r\n"
                        + "x-APIKey: partoo_test_key\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII)).readLine();
                assertTrue(statusLine.startsWith("HTTP/1.1 400"), statusLine);
            }
            JsonNode entry = only(stub.hookstub(), "partoo");
            assertEquals(400, entry.get("status").asInt());
            assertEquals("request: The Host header is malformed.", entry.get("refusal").asText());
            assertEquals("bad host!", entry.at("/headers/host/0").asText());
        }

        @Test
        void aPathOfNoOperationHasNoTemplateAndIsRefusedAsNotFound() {
            assertEquals(404, stub.http().get("/partoo/v2/nothing/here", "x-APIKey", "partoo_test_key").statusCode());
            JsonNode entry = only(stub.hookstub(), "partoo");
            assertTrue(entry.get("pathTemplate").isNull(), entry.toString());
            assertTrue(entry.get("refusal").asText().startsWith("not found: "), entry.toString());
        }

        @Test
        void aCreateOnTheFastPathKeepsItsBody() {
            long fastBefore = stub.server().fastPathServed("mijnklantportaal");
            String body = "{\"url\": \"https://example.com/fast\", \"type\": \"offer-created\"}";
            assertEquals(201, stub.http().post("/mijnklantportaal/v1/webhooks", body, MKP).statusCode());
            assertEquals(fastBefore + 1, stub.server().fastPathServed("mijnklantportaal"), "served on the fast path");
            JsonNode entry = only(stub.hookstub(), "mijnklantportaal");
            assertEquals(body, entry.get("body").asText());
            assertEquals("/webhooks", entry.get("pathTemplate").asText());
            assertEquals(201, entry.get("status").asInt());
        }

        @Test
        void aBodyMemberNamedLikeASecretIsListedMaskedAndCountedAsSent() {
            String body = "{\"url\": \"https://example.com/s\", \"type\": \"offer-created\","
                    + " \"signingSecret\": \"whsec_0123456789abcdef\"}";
            stub.http().post("/mijnklantportaal/v1/webhooks", body, MKP);
            JsonNode entry = only(stub.hookstub(), "mijnklantportaal");
            assertEquals(body.replace("whsec_0123456789abcdef", "****"), entry.get("body").asText());
            assertEquals(1, count(stub.hookstub(), "{\"bodyPointer\": \"/signingSecret\", "
                    + "\"bodyEquals\": \"whsec_0123456789abcdef\"}"));
        }

        @Test
        void aBodyBeyondEightKibIsCutAndMarked() {
            String body = "{\"url\": \"https://example.com/" + "a".repeat(9000) + "\", \"type\": \"offer-created\"}";
            stub.http().post("/mijnklantportaal/v1/webhooks", body, MKP);
            JsonNode entry = only(stub.hookstub(), "mijnklantportaal");
            assertTrue(entry.get("bodyTruncated").asBoolean(), entry.toString());
            assertEquals(body.substring(0, JournalEntry.MAX_BODY_BYTES), entry.get("body").asText());
        }

        @Test
        void adminHealthAndSpecRequestsAreNotJournaled() {
            stub.http().get("/health");
            stub.http().get("/mollie/openapi.json");
            stub.adminHttp().get("/__admin/mollie/webhooks");
            assertEquals(0, list(stub.hookstub(), "mollie", "").get("total").asInt());
        }
    }

    @Nested
    class Filters {

        @Test
        void listingFiltersByMethodTemplateStatusAndTimeNewestFirst() {
            Instant before = Instant.now().minusSeconds(1);
            String created = create(stub.hookstub(), "https://example.com/one");
            stub.http().get("/mijnklantportaal/v1/webhooks/" + created, MKP);
            stub.http().get("/mijnklantportaal/v1/webhooks/wbh_doesnotexist00", MKP);

            JsonNode all = list(stub.hookstub(), "mijnklantportaal", "");
            assertEquals(3, all.get("total").asInt());
            assertEquals(List.of(404, 200, 201), statuses(all));
            assertEquals(List.of(201), statuses(list(stub.hookstub(), "mijnklantportaal", "?method=post")));
            assertEquals(List.of(404, 200),
                    statuses(list(stub.hookstub(), "mijnklantportaal", "?pathTemplate=%2Fwebhooks%2F%7BwebhookId%7D")));
            assertEquals(List.of(404), statuses(list(stub.hookstub(), "mijnklantportaal", "?status=404")));
            assertEquals(3, list(stub.hookstub(), "mijnklantportaal", "?since=" + before).get("total").asInt());
            assertEquals(0, list(stub.hookstub(), "mijnklantportaal", "?until=" + before).get("total").asInt());
            JsonNode limited = list(stub.hookstub(), "mijnklantportaal", "?limit=1");
            assertEquals(3, limited.get("total").asInt());
            assertEquals(List.of(404), statuses(limited));
        }

        @Test
        void countVerifiesByMethodTemplateAndAValueInTheBody() {
            create(stub.hookstub(), "https://example.com/one");
            create(stub.hookstub(), "https://example.com/two");
            create(stub.hookstub(), "https://example.com/two");
            assertEquals(3, count(stub.hookstub(), "{}"));
            assertEquals(3, count(stub.hookstub(), "{\"method\": \"POST\", \"pathTemplate\": \"/webhooks\"}"));
            assertEquals(0, count(stub.hookstub(), "{\"method\": \"GET\"}"));
            assertEquals(2, count(stub.hookstub(), "{\"bodyPointer\": \"/url\", \"bodyEquals\": \"https://example.com/two\"}"));
            assertEquals(3, count(stub.hookstub(), "{\"bodyPointer\": \"/url\"}"));
            assertEquals(0, count(stub.hookstub(), "{\"bodyPointer\": \"/missing\"}"));
            assertEquals(0, count(stub.hookstub(), "{\"bodyPointer\": \"/url\", \"bodyEquals\": null}"));
            assertEquals(3, count(stub.hookstub(), "{\"bodyPointer\": \"/type\", \"bodyEquals\": \"offer-created\", "
                    + "\"status\": 201}"));
        }

        @Test
        void malformedFiltersAre400NamingTheFieldAndChangeNothing() {
            create(stub.hookstub(), "https://example.com/one");
            assertRefused(stub.adminHttp().get("/__admin/mijnklantportaal/requests?status=abc"), "status");
            assertRefused(stub.adminHttp().get("/__admin/mijnklantportaal/requests?status=99"), "status");
            assertRefused(stub.adminHttp().get("/__admin/mijnklantportaal/requests?since=yesterday"), "since");
            assertRefused(stub.adminHttp().get("/__admin/mijnklantportaal/requests?until=2026-13-01T00:00:00Z"), "until");
            assertRefused(stub.adminHttp().get("/__admin/mijnklantportaal/requests?method=G%20T"), "method");
            assertRefused(stub.adminHttp().post("/__admin/mijnklantportaal/requests/count", "{\"bodyPointer\": \"url\"}"),
                    "bodyPointer");
            assertRefused(stub.adminHttp().post("/__admin/mijnklantportaal/requests/count", "{\"bodyEquals\": 1}"),
                    "bodyPointer");
            assertRefused(stub.adminHttp().post("/__admin/mijnklantportaal/requests/count", "{\"status\": \"x\"}"),
                    "status");
            assertRefused(stub.adminHttp().post("/__admin/mijnklantportaal/requests/count", "{\"nope\": 1}"), null);
            assertEquals(1, list(stub.hookstub(), "mijnklantportaal", "").get("total").asInt());
        }

        @Test
        void anUnknownApiIs404() {
            assertEquals(404, stub.adminHttp().get("/__admin/stripe/requests").statusCode());
            assertEquals(404, stub.adminHttp().delete("/__admin/stripe/requests").statusCode());
            assertEquals(404, stub.adminHttp().post("/__admin/stripe/requests/count", "{}").statusCode());
            assertEquals(401, stub.http().get("/__admin/partoo/requests").statusCode());
            // The admin document lists document among the APIs: it is the proxy's, which says so.
            HttpResponse<String> document = stub.adminHttp().get("/__admin/document/requests");
            assertEquals(404, document.statusCode());
            assertTrue(document.body().contains("hookstub proxy --spec FILE forwards"), document.body());
        }
    }

    @Nested
    class Clearing {

        @Test
        void deleteClearsOneApisJournalAndIdsCountOn() {
            create(stub.hookstub(), "https://example.com/one");
            stub.http().get("/partoo/v2/webhooks/1", "x-APIKey", "partoo_test_key");
            long firstId = list(stub.hookstub(), "mijnklantportaal", "").at("/requests/0/id").asLong();
            assertEquals(204, stub.adminHttp().delete("/__admin/mijnklantportaal/requests").statusCode());
            assertEquals(0, list(stub.hookstub(), "mijnklantportaal", "").get("total").asInt());
            assertEquals(1, list(stub.hookstub(), "partoo", "").get("total").asInt(), "other APIs keep theirs");
            create(stub.hookstub(), "https://example.com/two");
            assertEquals(firstId + 1, list(stub.hookstub(), "mijnklantportaal", "").at("/requests/0/id").asLong());
        }

        @Test
        void resetClearsEveryJournal() {
            create(stub.hookstub(), "https://example.com/one");
            stub.http().get("/partoo/v2/webhooks/1", "x-APIKey", "partoo_test_key");
            assertEquals(204, stub.adminHttp().post("/__admin/reset", null).statusCode());
            assertEquals(0, list(stub.hookstub(), "mijnklantportaal", "").get("total").asInt());
            assertEquals(0, list(stub.hookstub(), "partoo", "").get("total").asInt());
        }
    }

    @Nested
    class WithoutFastPath {

        @Test
        void aCreateThroughJerseyKeepsItsBodyAndAGetIsJournaledTheSame() {
            try (Hookstub jersey = Hookstub.start(Hookstub.defaultConfig().withFastPath(false))) {
                String body = "{\"url\": \"https://example.com/jersey\", \"type\": \"offer-created\"}";
                String id = field(jersey.http().post("/mijnklantportaal/v1/webhooks", body, MKP), "id");
                jersey.http().get("/mijnklantportaal/v1/webhooks/" + id, MKP);
                assertEquals(0, jersey.server().fastPathServed("mijnklantportaal"));

                JsonNode page = list(jersey, "mijnklantportaal", "");
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
            try (Hookstub jersey = Hookstub.start(Hookstub.defaultConfig().withFastPath(false))) {
                String body = "{\"type\": \"offer-created\"}";
                assertTrue(jersey.http().post("/mijnklantportaal/v1/webhooks", body, MKP).statusCode() >= 400);
                JsonNode entry = only(jersey, "mijnklantportaal");
                assertEquals(body, entry.get("body").asText());
                assertTrue(entry.get("refusal").asText().startsWith("spec: url: "), entry.toString());
            }
        }
    }

    @Nested
    class Bound {

        @Test
        void aJournalOfThreeKeepsTheLastThree() {
            try (Hookstub small = Hookstub.start(Hookstub.defaultConfig()
                    .withJournal(JournalOptions.defaults().withSize(3)))) {
                for (int i = 1; i <= 5; i++) {
                    small.http().get("/partoo/v2/webhooks/" + i, "x-APIKey", "partoo_test_key");
                }
                JsonNode page = list(small, "partoo", "");
                assertEquals(3, page.get("total").asInt());
                List<String> paths = new java.util.ArrayList<>();
                page.get("requests").forEach(entry -> paths.add(entry.get("path").asText()));
                assertEquals(List.of("/partoo/v2/webhooks/5", "/partoo/v2/webhooks/4", "/partoo/v2/webhooks/3"),
                        paths);
            }
        }

        @Test
        void aJournalOfZeroRecordsNothing() {
            try (Hookstub off = Hookstub.start(Hookstub.defaultConfig()
                    .withJournal(JournalOptions.defaults().withSize(0)))) {
                off.http().get("/partoo/v2/webhooks/1", "x-APIKey", "partoo_test_key");
                assertEquals(0, list(off, "partoo", "").get("total").asInt());
                assertEquals(0, count(off, "{}"));
            }
        }
    }

    @Nested
    class Logging {

        @Test
        void eachRequestIsOneLineAndARefusalSaysWhyWithoutTheCredential() {
            try (Hookstub logging = Hookstub.start(Hookstub.defaultConfig()
                    .withJournal(JournalOptions.defaults().withLogRequests(true)))) {
                List<LogRecord> lines = CapturedLog.during(RequestLog.class, () -> {
                    logging.http().get("/partoo/v2/webhooks/1", "x-APIKey", "partoo_test_key");
                    logging.http().get("/mollie/v2/webhooks/hook_1", "Authorization", "Bearer " + MOLLIE_KEY + "x");
                    logging.adminHttp().get("/__admin/partoo/requests");
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
                    () -> stub.http().get("/partoo/v2/webhooks/1", "x-APIKey", "partoo_test_key"));
            assertEquals(List.of(), lines);
        }
    }

    static ExampleRequest example(Hookstub stub, String api) {
        return stub.server().apis().stream().filter(a -> a.id().equals(api)).findFirst().orElseThrow().exampleRequest();
    }

    static String create(Hookstub client, String url) {
        HttpResponse<String> created = client.http().post("/mijnklantportaal/v1/webhooks",
                "{\"url\": \"" + url + "\", \"type\": \"offer-created\"}", MKP);
        assertEquals(201, created.statusCode(), created.body());
        return field(created, "id");
    }

    static JsonNode list(Hookstub client, String api, String query) {
        HttpResponse<String> page = client.adminHttp().get("/__admin/" + api + "/requests" + query);
        assertEquals(200, page.statusCode(), page.body());
        return json(page.body());
    }

    static JsonNode only(Hookstub client, String api) {
        JsonNode page = list(client, api, "");
        assertEquals(1, page.get("total").asInt(), page.toString());
        return page.at("/requests/0");
    }

    static int count(Hookstub client, String query) {
        HttpResponse<String> counted = client.adminHttp().post("/__admin/mijnklantportaal/requests/count", query);
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
        return HookstubHttp.json(text);
    }
}
