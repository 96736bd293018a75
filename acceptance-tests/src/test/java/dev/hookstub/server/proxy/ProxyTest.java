package dev.hookstub.server.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubHttp;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.server.error.CapturedLog;
import dev.hookstub.server.journal.SpecViolation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.logging.LogRecord;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stub as a validating proxy, with real parts: the upstream is a second stub on loopback, behind a
 * {@link FaultyUpstream} that breaks its answers in known ways (and the stub's own fault rules, which make it slow
 * or reset the connection). Each kind of violation is caught and named in the header, the journal and the log;
 * each benign difference passes.
 */
class ProxyTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String[] ADMIN = {"Authorization", "Bearer admin_test_key"};
    static final String[] PARTOO = {"x-APIKey", "partoo_test_key"};
    static final String PARTOO_GET = "/partoo/v2/webhooks/1";
    static final String[] MKP = {"Authorization", "Bearer mkp_test_key"};
    static final String MKP_GET = "/mijnklantportaal/v1/webhooks/wbh_abc12345def678";
    static final String[] EQUALS = {"Authorization", "equals_test_key"};
    static final String EQUALS_GET = "/equalsmoney/v2/webhooks/da91434a-4026-42ea-84b8-d0317b64af9c";
    static final String[] MOLLIE = {"Authorization", "Bearer access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM"};
    static final String MOLLIE_GET = "/mollie/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=true";
    static final Duration TIMEOUT = Duration.ofMillis(1500);

    private static Hookstub upstream;
    private static FaultyUpstream faulty;
    private static Hookstub proxy;
    private static Hookstub refusing;
    private static HookstubHttp direct;
    private static HookstubHttp viaProxy;
    private static HookstubHttp viaRefusing;
    private static final List<ProxiedExchange> REPORTED = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() throws IOException {
        upstream = Hookstub.start(Hookstub.defaultConfig());
        direct = upstream.http();
        faulty = new FaultyUpstream(upstream.baseUri());
        proxy = Hookstub.start(Hookstub.defaultConfig().withProxy(everyApiTo(faulty.url())
                .withReport(new CollectingReport(REPORTED))));
        viaProxy = proxy.http();
        refusing = Hookstub.start(Hookstub.defaultConfig().withProxy(everyApiTo(faulty.url())
                .withErrors(true)));
        viaRefusing = refusing.http();
    }

    /** Every API of the stub forwarded to the same API's mount on {@code base}. */
    static ProxySettings everyApiTo(String base) {
        Map<String, Upstream> apis = Map.of(
                "partoo", Upstream.of(base + "/partoo/v2").withTimeout(TIMEOUT),
                "mijnklantportaal", Upstream.of(base + "/mijnklantportaal/v1").withTimeout(TIMEOUT),
                "equalsmoney", Upstream.of(base + "/equalsmoney/v2").withTimeout(TIMEOUT),
                "mollie", Upstream.of(base + "/mollie").withTimeout(TIMEOUT));
        return new ProxySettings(apis, null, false, null, false, ProxyReport.NONE);
    }

    @AfterAll
    static void stop() {
        Stream.of(refusing, proxy, upstream).forEach(Hookstub::close);
        faulty.close();
    }

    @BeforeEach
    void reset() {
        faulty.inject(UnaryOperator.identity());
        for (HookstubHttp stub : List.of(direct, viaProxy, viaRefusing)) {
            assertEquals(204, stub.post("/__admin/reset", null, ADMIN).statusCode());
        }
        REPORTED.clear();
    }

    static List<JsonNode> headerViolations(HttpResponse<String> response) {
        Optional<String> header = response.headers().firstValue("Hookstub-Violations");
        List<JsonNode> found = new ArrayList<>();
        header.ifPresent(value -> json(value).forEach(found::add));
        return found;
    }

    static JsonNode lastJournalEntry(HookstubHttp stub, String api) {
        HttpResponse<String> listed = stub.get("/__admin/" + api + "/requests?limit=1", ADMIN);
        assertEquals(200, listed.statusCode(), listed.body());
        return json(listed.body()).path("requests").path(0);
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> checksAndPointers(Iterable<JsonNode> violations) {
        List<String> found = new ArrayList<>();
        violations.forEach(v -> found.add(v.path("in").asText() + " " + v.path("check").asText() + " "
                + v.path("pointer").asText()));
        return found;
    }

    @Nested
    class WhatKeepsToTheSpec {

        static Stream<Arguments> exampleReads() {
            return Stream.of(Arguments.of("partoo", PARTOO_GET, PARTOO), Arguments.of("mijnklantportaal", MKP_GET, MKP),
                    Arguments.of("equalsmoney", EQUALS_GET, EQUALS), Arguments.of("mollie", MOLLIE_GET, MOLLIE));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("exampleReads")
        void aReadComesBackAsTheUpstreamAnsweredItWithNoViolation(String api, String path, String[] credential) {
            HttpResponse<String> straight = direct.get(path, credential);
            HttpResponse<String> proxied = viaProxy.get(path, credential);
            assertEquals(200, proxied.statusCode(), proxied.body());
            assertEquals(straight.body(), proxied.body());
            assertEquals(straight.headers().firstValue("Content-Type"), proxied.headers().firstValue("Content-Type"));
            assertEquals(List.of(), headerViolations(proxied));
            JsonNode entry = lastJournalEntry(viaProxy, api);
            assertEquals(200, entry.path("status").asInt());
            assertTrue(entry.path("violations").isArray() && entry.path("violations").isEmpty(), entry.toString());
        }

        /**
         * RFC 9110 has a server that serves a GET serve its HEAD, and the four specs (like most) document only the
         * GET: a HEAD was an undocumented request, refused with a 405 under {@code --errors}.
         */
        @ParameterizedTest(name = "{0}")
        @MethodSource("exampleReads")
        void aHeadOfADocumentedGetIsThatGetsWithoutItsBody(String api, String path, String[] credential) {
            HttpResponse<String> head = viaRefusing.send(HttpRequest.newBuilder(viaRefusing.uri(path))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()), credential);
            assertEquals(200, head.statusCode(), head.body());
            assertEquals("", head.body());
            assertEquals(List.of(), headerViolations(head));
            HttpResponse<String> unknown = viaRefusing.send(HttpRequest.newBuilder(viaRefusing.uri(path + "x"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()), credential);
            // Refused as the GET with that path would be (--errors): a 404, or the API's status for invalid input.
            assertTrue(unknown.statusCode() >= 400 && unknown.statusCode() < 500, "judged as the GET: "
                    + unknown.statusCode());
            assertFalse(headerViolations(unknown).isEmpty() && unknown.statusCode() != 404, "named or not found");
        }

        @Test
        void aCreateGoesThroughWithItsBodyAndTheNewRecordReadsBack() {
            String body = "{\"url\":\"https://example.com/p\",\"type\":\"customer-created\"}";
            HttpResponse<String> created = viaProxy.post("/mijnklantportaal/v1/webhooks", body, MKP);
            assertEquals(201, created.statusCode(), created.body());
            assertEquals(List.of(), headerViolations(created));
            HttpResponse<String> listed = direct.get("/__admin/mijnklantportaal/requests?method=POST&limit=1", ADMIN);
            assertEquals(body, json(listed.body()).path("requests").path(0).path("body").asText(),
                    "the upstream got the body as sent");
            String id = json(created.body()).path("id").asText();
            HttpResponse<String> read = viaProxy.get("/mijnklantportaal/v1/webhooks/" + id, MKP);
            assertEquals(200, read.statusCode());
            assertEquals(List.of(), headerViolations(read));
        }

        @Test
        void benignDifferencesPass() {
            faulty.inject(answer -> answer.withHeader("X-Upstream-Trace", "abc123")
                    .withHeader("Content-Type", "application/json; charset=utf-8")
                    .withBody(reversed(answer.body())));
            HttpResponse<String> proxied = viaProxy.get(PARTOO_GET, PARTOO);
            assertEquals(200, proxied.statusCode());
            assertEquals(List.of(), headerViolations(proxied));
            assertEquals(Optional.of("abc123"), proxied.headers().firstValue("X-Upstream-Trace"));
            // A refusal of the caller the spec leaves out, in the API's own format (MijnKlantportaal declares no 401).
            faulty.inject(UnaryOperator.identity());
            HttpResponse<String> refused = viaProxy.get(MKP_GET, "Authorization", "Bearer not-a-key");
            assertEquals(401, refused.statusCode());
            assertEquals(List.of(), headerViolations(refused));
            // A record that is not there: a declared 404.
            HttpResponse<String> missing = viaProxy.get("/partoo/v2/webhooks/999", PARTOO);
            assertEquals(404, missing.statusCode());
            assertEquals(List.of(), headerViolations(missing));
        }

        /** The same object with its members in the opposite order. */
        private static String reversed(String body) {
            JsonNode parsed = json(body);
            List<String> names = new ArrayList<>();
            parsed.fieldNames().forEachRemaining(names::add);
            Collections.reverse(names);
            ObjectNode turned = JSON.createObjectNode();
            names.forEach(name -> turned.set(name, parsed.get(name)));
            return turned.toString();
        }

        @Test
        void everyExchangeIsHandedToTheReport() {
            viaProxy.get(PARTOO_GET, PARTOO);
            assertEquals(1, REPORTED.size());
            ProxiedExchange exchange = REPORTED.get(0);
            assertEquals("partoo", exchange.api());
            assertEquals("getWebhook", exchange.operation().operationId());
            assertEquals(200, exchange.status());
            assertTrue(exchange.verdict().violations().isEmpty());
            assertTrue(exchange.url().endsWith("/partoo/v2/webhooks/1"), exchange.url());
        }

        @Test
        void aRequestTheStubAnswersItselfHasNoViolationsNoted() {
            try (Hookstub partooOnly = Hookstub.start(Hookstub.defaultConfig()
                    .withProxy(ProxySettings.forApi("partoo", Upstream.of(faulty.url() + "/partoo/v2"))))) {
                HookstubHttp http = partooOnly.http();
                assertEquals(200, http.get(MKP_GET, MKP).statusCode());
                assertTrue(lastJournalEntry(http, "mijnklantportaal").path("violations").isNull());
                assertEquals(Optional.of(Upstream.of(faulty.url() + "/partoo/v2").url()),
                        partooOnly.server().upstreamOf("partoo").map(Upstream::url));
                assertEquals(Optional.empty(), partooOnly.server().upstreamOf("mollie"));
            }
        }
    }

    @Nested
    class WhatBreaksTheSpec {

        static Stream<Arguments> brokenAnswers() {
            return Stream.of(
                    Arguments.of("a required member dropped", "partoo", PARTOO_GET, PARTOO,
                            fault(answer -> answer.withBody(answer.body().replaceAll(",?\"url\":\"[^\"]*\"", ""))),
                            "response response_schema_conformance /url"),
                    Arguments.of("a member of the wrong type", "partoo", PARTOO_GET, PARTOO,
                            fault(answer -> answer.withBody(answer.body().replace("\"org_id\":1", "\"org_id\":\"1\""))),
                            "response response_schema_conformance /org_id"),
                    Arguments.of("an undeclared status", "partoo", PARTOO_GET, PARTOO,
                            fault(answer -> answer.withStatus(203)),
                            "response status_code_conformance "),
                    Arguments.of("another content type", "mijnklantportaal", MKP_GET, MKP,
                            fault(answer -> answer.withHeader("Content-Type", "text/plain")),
                            "response content_type_conformance "),
                    // Partoo's error schema requires nothing; {"message"} carries none of its members ("errors").
                    Arguments.of("the wrong error format", "partoo", "/partoo/v2/webhooks/999", PARTOO,
                            fault(answer -> answer.withBody("{\"message\":\"not found\"}")),
                            "response response_schema_conformance "));
        }

        private static UnaryOperator<FaultyUpstream.Answer> fault(UnaryOperator<FaultyUpstream.Answer> fault) {
            return fault;
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("brokenAnswers")
        void isNamedInTheHeaderTheJournalAndOneLogLine(String what, String api, String path, String[] credential,
                                                       UnaryOperator<FaultyUpstream.Answer> fault, String expected) {
            faulty.inject(fault);
            AtomicReference<HttpResponse<String>> proxied = new AtomicReference<>();
            List<LogRecord> lines = CapturedLog.during(ViolationLog.class,
                    () -> proxied.set(viaProxy.get(path, credential)));
            HttpResponse<String> answer = proxied.get();
            assertEquals(List.of(expected), checksAndPointers(headerViolations(answer)), answer.body());
            JsonNode entry = lastJournalEntry(viaProxy, api);
            assertEquals(List.of(expected), checksAndPointers(entry.path("violations")), entry.toString());
            assertEquals(1, lines.size());
            assertTrue(lines.get(0).getMessage().startsWith(api + " GET " + path.split("\\?")[0]),
                    lines.get(0).getMessage());
            String[] checkAndPointer = expected.split(" ");
            assertTrue(lines.get(0).getMessage().contains(checkAndPointer[1] + " at "
                    + (checkAndPointer.length > 2 ? checkAndPointer[2] : "<root>")), lines.get(0).getMessage());
            // Without --errors the answer is the upstream's, unchanged.
            HttpResponse<String> broken = Hookstub.at(faulty.url(), "admin_test_key").http().get(path, credential);
            assertEquals(broken.statusCode(), answer.statusCode());
            assertEquals(broken.body(), answer.body());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("brokenAnswers")
        void withErrorsIsA502InTheApisFormatNamingTheViolation(String what, String api, String path,
                                                               String[] credential,
                                                               UnaryOperator<FaultyUpstream.Answer> fault,
                                                               String expected) {
            faulty.inject(fault);
            HttpResponse<String> answer = viaRefusing.get(path, credential);
            assertEquals(502, answer.statusCode(), answer.body());
            String check = expected.split(" ")[1];
            assertTrue(answer.body().contains("breaks the spec: response " + check), answer.body());
            assertEquals(List.of(expected), checksAndPointers(headerViolations(answer)));
        }

        @Test
        void aParameterThatBreaksTheSpecIsForwardedAndNamed() {
            HttpResponse<String> answer = viaProxy.get("/mollie/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=maybe",
                    MOLLIE);
            assertEquals(List.of("request request_parameter_conformance /query/testmode"),
                    checksAndPointers(headerViolations(answer)));
            assertEquals(1, countAtUpstream("mollie", "GET"), "it reached the upstream");
        }

        @Test
        void withErrorsARequestThatBreaksTheSpecIsRefusedInTheApisFormatAndNeverLeaves() {
            HttpResponse<String> answer = viaRefusing.get(
                    "/mollie/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=maybe", MOLLIE);
            assertEquals(422, answer.statusCode());
            assertEquals(Optional.of("application/hal+json"), answer.headers().firstValue("Content-Type"));
            JsonNode body = json(answer.body());
            assertEquals("testmode", body.path("field").asText());
            assertEquals(422, body.path("status").asInt());
            assertTrue(body.path("detail").asText().contains("query parameter testmode 'maybe'"), answer.body());
            assertEquals(0, countAtUpstream("mollie", "GET"), "it never left");
            JsonNode entry = lastJournalEntry(viaRefusing, "mollie");
            assertTrue(entry.path("refusal").asText().startsWith("spec: testmode: "), entry.toString());
            // A create whose body breaks the spec: MijnKlantportaal's 422 naming the member.
            HttpResponse<String> create = viaRefusing.post("/mijnklantportaal/v1/webhooks",
                    "{\"url\":5,\"type\":\"customer-created\"}", MKP);
            assertEquals(422, create.statusCode());
            assertTrue(json(create.body()).path("message").asText().contains("/url"), create.body());
            // A body of a media type the spec does not declare: 415, as the stub itself answers it.
            HttpResponse<String> plain = viaRefusing.postAsIs("/mijnklantportaal/v1/webhooks",
                    "{\"url\":\"https://example.com/h\",\"type\":\"customer-created\"}", "Content-Type", "text/plain",
                    MKP[0], MKP[1]);
            assertEquals(415, plain.statusCode(), plain.body());
            assertEquals(0, countAtUpstream("mijnklantportaal", "POST"), "neither left");
        }

        @Test
        void anUndocumentedRequestIsNamedAndWithErrorsA405WithAllow() {
            HttpResponse<String> forwarded = viaProxy.delete(PARTOO_GET, PARTOO);
            assertEquals(405, forwarded.statusCode(), "the upstream stub's own answer");
            assertEquals(List.of("request request_operation_conformance "),
                    checksAndPointers(headerViolations(forwarded)));
            HttpResponse<String> refused = viaRefusing.delete(PARTOO_GET, PARTOO);
            assertEquals(405, refused.statusCode());
            assertEquals(Optional.of("HEAD, GET"), refused.headers().firstValue("Allow"),
                    "a HEAD is served as the GET's, so it is allowed too");
            assertEquals(1, countAtUpstream("partoo", "DELETE"), "only the first DELETE reached the upstream");
            HttpResponse<String> nowhere = viaRefusing.get("/partoo/v2/nowhere", PARTOO);
            assertEquals(404, nowhere.statusCode());
            assertTrue(nowhere.body().contains("none of the spec's paths"), nowhere.body());
        }

        private int countAtUpstream(String api, String method) {
            HttpResponse<String> counted = direct.post("/__admin/" + api + "/requests/count",
                    "{\"method\":\"" + method + "\"}", ADMIN);
            return json(counted.body()).path("count").asInt();
        }
    }

    @Nested
    class WhenTheUpstreamFails {

        @Test
        void noAnswerInTimeIsA504InTheApisFormatAndJournaled() {
            assertEquals(201, direct.post("/__admin/partoo/faults", "{\"times\":1,\"delay\":{\"fixedMs\":4000}}",
                    ADMIN).statusCode());
            long started = System.nanoTime();
            HttpResponse<String> answer = viaProxy.get(PARTOO_GET, PARTOO);
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(504, answer.statusCode(), answer.body());
            assertTrue(tookMillis < TIMEOUT.toMillis() + 1500, "answered after " + tookMillis + " ms");
            assertEquals("The upstream " + faulty.url() + "/partoo/v2 did not answer within 1500 ms.",
                    json(answer.body()).path("errors").path("json").asText());
            JsonNode entry = lastJournalEntry(viaProxy, "partoo");
            assertEquals(504, entry.path("status").asInt());
            assertTrue(entry.path("refusal").asText().startsWith("upstream: The upstream "), entry.toString());
        }

        /**
         * A create is never sent twice: the reset is the client's 502. A read whose connection dies before any
         * answer is sent again once (the JDK's client does so, for a kept-alive connection the upstream closed), so
         * it takes two resets in a row.
         */
        @Test
        void aResetConnectionIsA502NamingIt() {
            // Straight to the stub, so that its reset reaches the proxy as it is.
            try (Hookstub straight = Hookstub.start(Hookstub.defaultConfig().withProxy(
                    ProxySettings.forApi("mijnklantportaal", Upstream.of(upstream.baseUri() + "/mijnklantportaal/v1"))))) {
                HookstubHttp http = straight.http();
                assertEquals(201, direct.post("/__admin/mijnklantportaal/faults",
                        "{\"times\":1,\"fault\":\"CONNECTION_RESET_BY_PEER\"}", ADMIN).statusCode());
                HttpResponse<String> create = http.post("/mijnklantportaal/v1/webhooks",
                        "{\"url\":\"https://example.com/p\",\"type\":\"customer-created\"}", MKP);
                assertEquals(502, create.statusCode(), create.body());
                assertTrue(json(create.body()).path("message").asText().contains("closed the connection without an "
                        + "answer"), create.body());
                assertEquals(201, direct.post("/__admin/mijnklantportaal/faults",
                        "{\"times\":2,\"fault\":\"CONNECTION_RESET_BY_PEER\"}", ADMIN).statusCode());
                HttpResponse<String> read = http.get(MKP_GET, MKP);
                assertEquals(502, read.statusCode(), read.body());
                assertEquals(502, lastJournalEntry(http, "mijnklantportaal").path("status").asInt());
            }
        }

        @Test
        void anUnreachableUpstreamIsA502NamingWhy() throws IOException {
            int closed;
            try (ServerSocket socket = new ServerSocket(0)) {
                closed = socket.getLocalPort();
            }
            try (Hookstub nowhere = Hookstub.start(Hookstub.defaultConfig().withProxy(
                    ProxySettings.forApi("partoo", Upstream.of("http://127.0.0.1:" + closed + "/partoo/v2"))))) {
                HttpResponse<String> answer = nowhere.http().get(PARTOO_GET, PARTOO);
                assertEquals(502, answer.statusCode());
                assertEquals("The upstream http://127.0.0.1:" + closed + "/partoo/v2 cannot be reached: connection "
                        + "refused.", json(answer.body()).path("errors").path("json").asText());
                assertEquals(502, lastJournalEntry(nowhere.http(), "partoo").path("status").asInt());
            }
        }
    }

    @Nested
    class AnyOtherDocument {

        @Test
        void isForwardedAtTheRootAndRefusedInProblemDetails(@TempDir Path folder) throws IOException {
            Path copy = folder.resolve("my-partoo.yaml");
            try (var in = ProxyTest.class.getClassLoader().getResourceAsStream("openapi/partoo.yaml")) {
                Files.write(copy, in.readAllBytes());
            }
            OpenApiSpec spec = OpenApiSpec.load(copy.toString());
            Upstream partoo = Upstream.of(upstream.baseUri() + "/partoo/v2");
            try (Hookstub document = Hookstub.start(Hookstub.defaultConfig()
                         .withProxy(ProxySettings.forDocument(spec, partoo)));
                 Hookstub strict = Hookstub.start(Hookstub.defaultConfig()
                         .withProxy(ProxySettings.forDocument(spec, partoo).withErrors(true)))) {
                HookstubHttp http = document.http();
                HttpResponse<String> read = http.get("/webhooks/1", PARTOO);
                assertEquals(200, read.statusCode(), read.body());
                assertEquals(direct.get(PARTOO_GET, PARTOO).body(), read.body());
                JsonNode entry = lastJournalEntry(http, "document");
                assertEquals("/webhooks/{webhook_id}", entry.path("pathTemplate").asText());
                assertEquals("****", entry.path("headers").path("x-apikey").path(0).asText());
                assertEquals(200, http.get("/health").statusCode(), "the stub's own paths stay its own");
                HttpResponse<String> refused = strict.http().get("/webhooks/abc", PARTOO);
                assertEquals(400, refused.statusCode(), refused.body());
                assertEquals(Optional.of("application/problem+json"), refused.headers().firstValue("Content-Type"));
                JsonNode problem = json(refused.body());
                assertEquals(400, problem.path("status").asInt());
                assertEquals("webhook_id", problem.path("field").asText());
            }
        }
    }

    /**
     * A pattern whose repeated group the JDK's engine follows by recursion, on a value of 50,000 characters: the
     * request's validation overflowed the stack and the client got no answer at all. Now it is judged, both ways.
     */
    @Nested
    class ALongValueAgainstAPatternOfRepeatedGroups {

        @Test
        void isJudgedAndAnsweredWhetherItMatchesOrNot(@TempDir Path folder) throws IOException {
            Path document = Files.writeString(folder.resolve("codes.yaml"), """
                    openapi: 3.0.3
                    info: {title: codes, version: '1'}
                    paths:
                      /items:
                        post:
                          requestBody:
                            required: true
                            content:
                              application/json:
                                schema: {type: object, properties: {code: {type: string, pattern: '^(?:[a-z]|[0-9])*$'}}}
                          responses:
                            '201':
                              description: made
                              content:
                                application/json:
                                  schema: {type: object, properties: {code: {type: string, pattern: '^(?:[a-z]|[0-9])*$'}}}
                    """);
            com.sun.net.httpserver.HttpServer echo = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            echo.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(201, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            echo.start();
            Upstream echoing = Upstream.of("http://127.0.0.1:" + echo.getAddress().getPort());
            try (Hookstub strict = Hookstub.start(Hookstub.defaultConfig()
                    .withProxy(ProxySettings.forDocument(OpenApiSpec.load(document.toString()), echoing)
                            .withErrors(true)))) {
                String[] json = {"Content-Type", "application/json"};
                HttpResponse<String> kept = strict.http().post("/items", "{\"code\": \"" + "a1".repeat(25_000) + "\"}",
                        json);
                assertEquals(201, kept.statusCode(), kept.body());
                assertEquals(List.of(), headerViolations(kept));
                HttpResponse<String> broken = strict.http().post("/items",
                        "{\"code\": \"" + "a1".repeat(25_000) + "-\"}", json);
                assertEquals(400, broken.statusCode(), broken.body());
                assertTrue(json(broken.body()).path("detail").asText().contains("/code"), broken.body());
            } finally {
                echo.stop(0);
            }
        }
    }

    /**
     * A query as browsers and many clients write it, brackets raw (OpenAPI's own deepObject example,
     * {@code color[R]=100}): forwarded as it came and judged. It was a 400 the upstream never saw. Raw sockets on both sides: Java's URI takes no raw bracket in a query.
     */
    @Nested
    class AQueryWithRawBrackets {

        @Test
        void isForwardedAsItCameAndJudged(@TempDir Path folder) throws Exception {
            Path document = Files.writeString(folder.resolve("colors.yaml"), """
                    openapi: 3.0.3
                    info: {title: colors, version: '1'}
                    paths:
                      /colors:
                        get:
                          parameters:
                            - name: color
                              in: query
                              style: deepObject
                              explode: true
                              schema: {type: object, properties: {R: {type: integer}, G: {type: integer}}}
                          responses: {'204': {description: painted}}
                    """);
            List<String> seen = Collections.synchronizedList(new ArrayList<>());
            try (java.net.ServerSocket upstreamSocket = new java.net.ServerSocket(0, 50,
                         java.net.InetAddress.getLoopbackAddress())) {
                Thread answering = new Thread(() -> {
                    while (!upstreamSocket.isClosed()) {
                        try (java.net.Socket client = upstreamSocket.accept()) {
                            var in = new java.io.BufferedReader(new java.io.InputStreamReader(client.getInputStream(),
                                    java.nio.charset.StandardCharsets.ISO_8859_1));
                            seen.add(in.readLine());
                            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                                // the rest of the head
                            }
                            client.getOutputStream().write(("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n")
                                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                        } catch (IOException closed) {
                            return;
                        }
                    }
                });
                answering.setDaemon(true);
                answering.start();
                Upstream raw = Upstream.of("http://127.0.0.1:" + upstreamSocket.getLocalPort());
                try (Hookstub strict = Hookstub.start(Hookstub.defaultConfig()
                        .withProxy(ProxySettings.forDocument(OpenApiSpec.load(document.toString()), raw)
                                .withErrors(true)))) {
                    String kept = rawGet(strict, "/colors?color[R]=100&color[G]=200");
                    assertTrue(kept.startsWith("HTTP/1.1 204"), kept);
                    assertFalse(kept.toLowerCase(java.util.Locale.ROOT).contains("hookstub-violations"), kept);
                    assertEquals("GET /colors?color[R]=100&color[G]=200 HTTP/1.1", seen.get(0), "as it came");
                    String broken = rawGet(strict, "/colors?color[R]=red");
                    assertTrue(broken.startsWith("HTTP/1.1 400"), broken);
                    assertTrue(broken.contains("color"), broken);
                    assertEquals(1, seen.size(), "the broken one was not forwarded");
                    assertTrue(rawGet(strict, "/partoo/v2/webhooks/1?x[a]=1").startsWith("HTTP/1.1 200"),
                            "the stub's own routes take it too (BrowserQueryTest)");
                }
            }
        }

        private static String rawGet(Hookstub stub, String target) throws IOException {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", stub.baseUri().getPort())) {
                socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "x-APIKey: partoo_test_key\r\nConnection: close\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            }
        }
    }

    /** A report that keeps what it is handed. */
    record CollectingReport(List<ProxiedExchange> exchanges) implements ProxyReport {

        @Override
        public void exchanged(ProxiedExchange exchange) {
            exchanges.add(exchange);
        }

        @Override
        public void flagged(String api, String recordId, List<SpecViolation> violations) {
        }

        @Override
        public void noted(String api, String note) {
        }

        @Override
        public Optional<Written> write() {
            return Optional.empty();
        }
    }
}
