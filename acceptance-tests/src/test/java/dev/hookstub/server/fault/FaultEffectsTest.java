package dev.hookstub.server.fault;

import static dev.hookstub.server.fault.FaultStub.EQUALS;
import static dev.hookstub.server.fault.FaultStub.EQUALS_GET;
import static dev.hookstub.server.fault.FaultStub.MKP;
import static dev.hookstub.server.fault.FaultStub.MKP_BODY;
import static dev.hookstub.server.fault.FaultStub.MKP_CREATE;
import static dev.hookstub.server.fault.FaultStub.MKP_GET;
import static dev.hookstub.server.fault.FaultStub.MOLLIE;
import static dev.hookstub.server.fault.FaultStub.MOLLIE_GET;
import static dev.hookstub.server.fault.FaultStub.MOLLIE_OAUTH;
import static dev.hookstub.server.fault.FaultStub.MOLLIE_TOKEN;
import static dev.hookstub.server.fault.FaultStub.PARTOO;
import static dev.hookstub.server.fault.FaultStub.PARTOO_GET;
import static dev.hookstub.server.fault.FaultStub.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.junit.Hookstub;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each effect of a fault rule as a real client sees it, on a stub whose fast path is on and on one where
 * Jersey serves everything: a rule sits in front of both.
 */
class FaultEffectsTest extends WithAndWithoutFastPath {

    enum Served { FAST_PATH, JERSEY }

    private static FaultStub stub(Served served) {
        return stub(served == Served.FAST_PATH);
    }

    @Nested
    class Status {

        @ParameterizedTest(name = "{0}")
        @EnumSource(Served.class)
        void mollie429IsItsOwnHalJsonErrorWithADefaultRetryAfter(Served served) {
            FaultStub stub = stub(served);
            stub.addRule("mollie", "{\"operation\": \"get-webhook\", \"status\": 429}");
            long fastBefore = stub.server.fastPathServed("mollie");
            HttpResponse<String> answer = stub.http.get(MOLLIE_GET, MOLLIE);
            assertEquals(429, answer.statusCode(), answer.body());
            assertEquals("application/hal+json", answer.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("1", answer.headers().firstValue("Retry-After").orElseThrow());
            assertEquals(json("""
                    {"status": 429, "title": "Too Many Requests", "detail": "Too Many Requests",
                     "_links": {"documentation": {"href": "https://docs.mollie.com/overview/handling-errors",
                                                  "type": "text/html"}}}"""), json(answer.body()));
            assertEquals(fastBefore, stub.server.fastPathServed("mollie"), "the fast path served a faulted read");
        }

        @Test
        void aRulesOwnRetryAfterAndMessageReplaceTheDefaults() {
            fast.addRule("mollie", "{\"status\": 503, \"headers\": {\"retry-after\": \"30\", \"X-Request-Id\": \"r1\"},"
                    + " \"message\": \"Mollie is down for maintenance\"}");
            HttpResponse<String> answer = fast.http.get(MOLLIE_GET, MOLLIE);
            assertEquals(503, answer.statusCode());
            assertEquals(List.of("30"), answer.headers().allValues("Retry-After"));
            assertEquals("r1", answer.headers().firstValue("X-Request-Id").orElseThrow());
            JsonNode body = json(answer.body());
            assertEquals(503, body.get("status").asInt());
            assertEquals("Service Unavailable", body.get("title").asText());
            assertEquals("Mollie is down for maintenance", body.get("detail").asText());
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Served.class)
        void partoo503And500AreItsOwnErrorsObject(Served served) {
            FaultStub stub = stub(served);
            stub.addRule("partoo", "{\"status\": 503, \"times\": 1}");
            stub.addRule("partoo", "{\"status\": 500, \"message\": \"Internal error\"}");
            HttpResponse<String> unavailable = stub.http.get(PARTOO_GET, PARTOO);
            assertEquals(503, unavailable.statusCode());
            assertEquals("application/json", unavailable.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("1", unavailable.headers().firstValue("Retry-After").orElseThrow());
            assertEquals(json("{\"errors\": {\"json\": \"Service Unavailable\"}}"), json(unavailable.body()));
            HttpResponse<String> failed = stub.http.get(PARTOO_GET, PARTOO);
            assertEquals(500, failed.statusCode());
            assertFalse(failed.headers().firstValue("Retry-After").isPresent(), "a 500 says nothing of retrying");
            assertEquals(json("{\"errors\": {\"json\": \"Internal error\"}}"), json(failed.body()));
        }

        @Test
        void aRequestThatIsNoneOfTheSpecsOperationsIsMatchedOnlyByAnAllOperationsRule() {
            fast.addRule("partoo", "{\"operation\": \"getWebhook\", \"status\": 500}");
            assertEquals(404, fast.http.get("/partoo/v2/no-such-thing", PARTOO).statusCode());
            fast.addRule("partoo", "{\"status\": 502}");
            assertEquals(502, fast.http.get("/partoo/v2/no-such-thing", PARTOO).statusCode());
            assertEquals(500, fast.http.get(PARTOO_GET, PARTOO).statusCode(), "the first matching rule applies");
        }

        @Test
        void anOperationRuleLeavesTheApisOtherOperationsAlone() {
            fast.addRule("mijnklantportaal", "{\"operation\": \"create-webhook\", \"status\": 500}");
            assertEquals(200, fast.http.get(MKP_GET, MKP).statusCode());
            HttpResponse<String> refused = fast.http.post(MKP_CREATE, MKP_BODY, MKP);
            assertEquals(500, refused.statusCode());
            assertEquals(json("{\"message\": \"Internal Server Error\"}"), json(refused.body()));
            assertEquals(1, fast.rules("mijnklantportaal").get(0).get("applied").asInt());
        }

        @Test
        void aRuleForOneApiLeavesTheOthersAlone() {
            fast.addRule("mollie", "{\"status\": 500}");
            assertEquals(200, fast.http.get(PARTOO_GET, PARTOO).statusCode());
            assertEquals(200, fast.http.get(EQUALS_GET, EQUALS).statusCode());
        }
    }

    @Nested
    class Matching {

        @Test
        void aBearerCredentialRuleMatchesOnlyRequestsPresentingThatToken() {
            fast.addRule("mollie", "{\"credential\": \"access_oauth_test_token\", \"status\": 429}");
            assertEquals(200, fast.http.get(MOLLIE_GET, MOLLIE).statusCode());
            assertEquals(429, fast.http.get(MOLLIE_GET, MOLLIE_OAUTH).statusCode());
            assertEquals(429, fast.http.get(MOLLIE_GET, "Authorization", "bearer  access_oauth_test_token ").statusCode(),
                    "read as the auth filter reads it: case-insensitive scheme, surrounding space stripped");
        }

        @Test
        void anApiKeyCredentialRuleMatchesTheHeadersWholeValue() {
            fast.addRule("partoo", "{\"credential\": \"partoo_other_key\", \"status\": 503}");
            fast.addRule("equalsmoney", "{\"credential\": \"equals_test_key\", \"status\": 503}");
            assertEquals(200, fast.http.get(PARTOO_GET, PARTOO).statusCode());
            assertEquals(503, fast.http.get(PARTOO_GET, "x-APIKey", "partoo_other_key").statusCode());
            assertEquals(503, fast.http.get(EQUALS_GET, EQUALS).statusCode());
            assertEquals(200, fast.http.get(EQUALS_GET, "Authorization", "equals_any_key").statusCode());
        }

        @Test
        void aRuleWithTimesIsSpentAfterThatManyAndStaysListedWithNoneRemaining() {
            fast.addRule("mollie", "{\"status\": 503, \"times\": 2}");
            assertEquals(503, fast.http.get(MOLLIE_GET, MOLLIE).statusCode());
            assertEquals(503, fast.http.get(MOLLIE_GET, MOLLIE).statusCode());
            assertEquals(200, fast.http.get(MOLLIE_GET, MOLLIE).statusCode());
            JsonNode rule = fast.rules("mollie").get(0);
            assertEquals(0, rule.get("remaining").asInt());
            assertEquals(2, rule.get("applied").asInt());
        }

        @Test
        void aSeededFractionAppliesToAShareOfRequestsAndRepeatsItsDraws() {
            List<Integer> first = statuses(fast.addRule("mollie", "{\"status\": 503, \"fraction\": 0.5, \"seed\": 7}"));
            assertEquals(204, fast.adminHttp.delete("/__admin/mollie/faults").statusCode());
            List<Integer> second = statuses(fast.addRule("mollie", "{\"status\": 503, \"fraction\": 0.5, \"seed\": 7}"));
            assertEquals(first, second);
            long faulted = first.stream().filter(status -> status == 503).count();
            assertTrue(faulted >= 5 && faulted <= 35, "503s out of 40: " + faulted);
            assertEquals(faulted, fast.rules("mollie").get(0).get("applied").asLong());
        }

        private List<Integer> statuses(JsonNode rule) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                statuses.add(fast.http.get(MOLLIE_GET, MOLLIE).statusCode());
            }
            return statuses;
        }

        @Test
        void resetClearsEveryRule() {
            fast.addRule("mollie", "{\"status\": 503}");
            fast.addRule("partoo", "{\"fault\": \"EMPTY_RESPONSE\"}");
            fastStub.hookstub().reset();
            assertEquals(0, fast.rules("mollie").size());
            assertEquals(0, fast.rules("partoo").size());
            assertEquals(200, fast.http.get(MOLLIE_GET, MOLLIE).statusCode());
            assertEquals(200, fast.http.get(PARTOO_GET, PARTOO).statusCode());
        }
    }

    @Nested
    class Delay {

        @ParameterizedTest(name = "{0}")
        @EnumSource(Served.class)
        void aDelayedRequestTakesAtLeastTheDelayAndIsThenServedAsUsual(Served served) {
            FaultStub stub = stub(served);
            stub.addRule("equalsmoney", "{\"delay\": {\"fixedMs\": 700}}");
            long started = System.nanoTime();
            HttpResponse<String> answer = stub.http.get(EQUALS_GET, EQUALS);
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("da91434a-4026-42ea-84b8-d0317b64af9c", json(answer.body()).get("id").asText());
            assertTrue(tookMs >= 700, "answered after " + tookMs + " ms");
        }

        /**
         * A client that gives up during a delay (a proxy's timeout, docs/sandbox.md's 504) is what the delay is for:
         * the stub logged a warning with the stack trace of writing to the closed connection.
         */
        @ParameterizedTest(name = "{0}")
        @EnumSource(Served.class)
        void aClientThatLeavesDuringADelayIsNoFailureInTheLog(Served served) throws Exception {
            FaultStub stub = stub(served);
            stub.addRule("partoo", "{\"delay\": {\"fixedMs\": 400}}");
            java.util.logging.Logger log = java.util.logging.Logger.getLogger("dev.hookstub.server.http.FaultInjector");
            List<java.util.logging.LogRecord> warnings = java.util.Collections.synchronizedList(new ArrayList<>());
            java.util.logging.Handler capture = new java.util.logging.Handler() {
                @Override
                public void publish(java.util.logging.LogRecord record) {
                    if (record.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                        warnings.add(record);
                    }
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            log.addHandler(capture);
            try {
                for (int i = 0; i < 3; i++) {
                    try (Socket client = new Socket(InetAddress.getLoopbackAddress(), stub.server.port())) {
                        client.getOutputStream().write(("GET " + PARTOO_GET + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                + "x-APIKey: partoo_test_key\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        client.getOutputStream().flush();
                        Thread.sleep(100);
                    }
                }
                Thread.sleep(800);
                assertEquals(List.of(), warnings.stream().map(r -> r.getMessage() + ": " + r.getThrown()).toList());
                assertEquals(204, stub.adminHttp.delete("/__admin/partoo/faults").statusCode());
                assertEquals(200, stub.http.get(PARTOO_GET, PARTOO).statusCode(), "served as usual after");
            } finally {
                log.removeHandler(capture);
            }
        }

        @Test
        void aDelayedCreateIsStillCreated() {
            fast.addRule("mijnklantportaal", "{\"operation\": \"create-webhook\", \"delay\": {\"fixedMs\": 300}}");
            long started = System.nanoTime();
            HttpResponse<String> created = fast.http.post(MKP_CREATE, MKP_BODY, MKP);
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) >= 300);
            assertEquals(201, created.statusCode(), created.body());
            String id = json(created.body()).get("id").asText();
            assertEquals(200, fast.http.get("/mijnklantportaal/v1/webhooks/" + id, MKP).statusCode());
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Served.class)
        void delayedRequestsHoldUpNoThreadThatOthersNeed(Served served) throws Exception {
            FaultStub stub = stub(served);
            // More delayed requests at once than the server has selector and worker threads together: were a
            // thread to wait out a delay, the undelayed request would queue behind the delayed ones.
            stub.addRule("mollie", "{\"credential\": \"access_oauth_test_token\", \"delay\": {\"fixedMs\": 3000}}");
            int delayed = 4 * Runtime.getRuntime().availableProcessors() + 40;
            java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(delayed);
            long started = System.nanoTime();
            List<CompletableFuture<Integer>> slow = new ArrayList<>();
            for (int i = 0; i < delayed; i++) {
                slow.add(CompletableFuture.supplyAsync(() -> stub.http.get(MOLLIE_GET, MOLLIE_OAUTH).statusCode(),
                        clients));
            }
            Thread.sleep(500);
            assertEquals(200, stub.http.get(MOLLIE_GET, MOLLIE).statusCode());
            long quickMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            // Relative, not absolute, so that a loaded machine does not fail it: answered while all still wait.
            assertTrue(slow.stream().noneMatch(CompletableFuture::isDone),
                    "the undelayed request was answered only after a delayed one, at " + quickMs + " ms");
            for (CompletableFuture<Integer> request : slow) {
                assertEquals(200, request.get(30, TimeUnit.SECONDS));
            }
            long allMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            clients.shutdown();
            assertTrue(allMs >= 3000 && allMs < 15_000, delayed + " delayed requests took " + allMs + " ms in all");
        }

        @Test
        void aSeededLognormalDelayIsDrawnAroundItsMedian() {
            fast.addRule("partoo", "{\"delay\": {\"lognormal\": {\"medianMs\": 200, \"sigma\": 0.1}}, \"seed\": 3}");
            long started = System.nanoTime();
            assertEquals(200, fast.http.get(PARTOO_GET, PARTOO).statusCode());
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            // e^(0.1 * 4) bounds a draw four standard deviations out: 134 to 298 ms.
            assertTrue(tookMs >= 134 && tookMs < 2000, "answered after " + tookMs + " ms");
        }
    }

    @Nested
    class ConnectionFaults {

        private static final String PARTOO_REQUEST = "GET " + PARTOO_GET + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "x-APIKey: partoo_test_key\r\n\r\n";

        @ParameterizedTest(name = "{0}")
        @EnumSource(Served.class)
        void connectionResetByPeerIsATcpReset(Served served) {
            FaultStub stub = stub(served);
            stub.addRule("partoo", "{\"fault\": \"CONNECTION_RESET_BY_PEER\"}");
            Raw raw = raw(stub, PARTOO_REQUEST);
            assertTrue(raw.failure() instanceof SocketException && raw.failure().getMessage().contains("reset"),
                    "expected a reset, got " + raw);
            assertEquals(0, raw.bytes().length);
            assertThrows(UncheckedIOException.class, () -> stub.http.get(PARTOO_GET, PARTOO));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Served.class)
        void anEmptyResponseClosesTheConnectionWithoutAByte(Served served) {
            FaultStub stub = stub(served);
            stub.addRule("partoo", "{\"fault\": \"EMPTY_RESPONSE\"}");
            Raw raw = raw(stub, PARTOO_REQUEST);
            assertNull(raw.failure(), "a clean close, not a reset");
            assertEquals(0, raw.bytes().length);
            assertThrows(UncheckedIOException.class, () -> stub.http.get(PARTOO_GET, PARTOO));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Served.class)
        void aMalformedChunkIsA200WhoseChunkedBodyCannotBeParsed(Served served) {
            FaultStub stub = stub(served);
            stub.addRule("partoo", "{\"fault\": \"MALFORMED_RESPONSE_CHUNK\"}");
            Raw raw = raw(stub, PARTOO_REQUEST);
            assertNull(raw.failure());
            String text = new String(raw.bytes(), StandardCharsets.US_ASCII);
            assertTrue(text.startsWith("HTTP/1.1 200 OK\r\n"), text);
            assertTrue(text.contains("\r\nTransfer-Encoding: chunked\r\n\r\n"), text);
            String firstChunkLine = text.substring(text.indexOf("\r\n\r\n") + 4).lines().findFirst().orElse("");
            assertFalse(firstChunkLine.matches("[0-9A-Fa-f]+(;.*)?"), "a valid chunk size: " + firstChunkLine);
            assertThrows(UncheckedIOException.class, () -> stub.http.get(PARTOO_GET, PARTOO));
        }

        @Test
        void theConnectionFaultsLeaveTheServerServing() {
            fast.addRule("partoo", "{\"fault\": \"CONNECTION_RESET_BY_PEER\", \"times\": 1}");
            fast.addRule("partoo", "{\"fault\": \"EMPTY_RESPONSE\", \"times\": 1}");
            fast.addRule("partoo", "{\"fault\": \"MALFORMED_RESPONSE_CHUNK\", \"times\": 1}");
            // On a plain socket: java.net.http retries a GET whose connection closed before an answer.
            assertTrue(raw(fast, PARTOO_REQUEST).failure() instanceof SocketException);
            assertEquals(0, raw(fast, PARTOO_REQUEST).bytes().length);
            assertTrue(new String(raw(fast, PARTOO_REQUEST).bytes(), StandardCharsets.US_ASCII).contains("chunked"));
            assertEquals(200, fast.http.get(PARTOO_GET, PARTOO).statusCode());
            assertEquals(200, fast.http.get(MOLLIE_GET, "Authorization", "Bearer " + MOLLIE_TOKEN).statusCode());
        }
    }

    @Test
    void anExchangeEndedByAConnectionFaultIsNotLeftInFlight() {
        for (String kind : List.of("CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK")) {
            Hookstub own = Hookstub.start(Hookstub.defaultConfig());
            FaultStub faults = new FaultStub(own);
            faults.addRule("partoo", "{\"fault\": \"" + kind + "\"}");
            raw(faults, ConnectionFaults.PARTOO_REQUEST);
            long started = System.nanoTime();
            own.close();
            long closeMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            // A request still counted in flight holds the shutdown for its whole grace period, three seconds.
            assertTrue(closeMs < 2000, kind + ": the stub took " + closeMs + " ms to shut down");
        }
    }

    /** What a plain socket read after sending a request: every byte until the end, and why it ended. */
    record Raw(byte[] bytes, IOException failure) {

        @Override
        public String toString() {
            return new String(bytes, StandardCharsets.US_ASCII) + " / " + failure;
        }
    }

    static Raw raw(FaultStub stub, String request) {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), stub.server.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                read.write(buffer, 0, n);
            }
            return new Raw(read.toByteArray(), null);
        } catch (IOException e) {
            return new Raw(read.toByteArray(), e);
        }
    }
}
