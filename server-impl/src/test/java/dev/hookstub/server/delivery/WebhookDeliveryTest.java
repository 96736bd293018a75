package dev.hookstub.server.delivery;

import static dev.hookstub.server.delivery.AdminClient.ADMIN;
import static dev.hookstub.server.delivery.AdminClient.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.server.ServerConfig;
import dev.hookstub.server.StubServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Events fired through the admin API reach real receivers on loopback, signed, retried and logged. */
class WebhookDeliveryTest {

    private static final int RETRIES = 3;
    private static StubServer server;
    private static AdminClient admin;

    @BeforeAll
    static void start() {
        server = StubServer.start(ServerConfig.defaults().withPort(0).withDelivery(DeliveryOptions.defaults()
                .withRetries(RETRIES).withRetryDelay(Duration.ofMillis(20)).withTimeout(Duration.ofSeconds(2))));
        admin = new AdminClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void clean() {
        admin.clean();
    }

    @Nested
    class SignedAsEachProviderSigns {

        @Test
        void mijnklantportaalSignsTheRawBodyWithTheWebhookSecretInXWebhookSignature() throws Exception {
            try (Receiver receiver = Receiver.answering(200)) {
                JsonNode webhook = admin.createWebhook("mijnklantportaal",
                        "{\"url\": \"" + receiver.url("/mkp") + "\", \"type\": \"customer-created\"}");
                String id = admin.fire("mijnklantportaal", "customer-created", "{\"customerId\": 42}").get(0);

                Receiver.Received request = receiver.await(1).get(0);
                assertEquals(Signatures.hmacSha256Hex(webhook.get("secret").asText(), request.body()),
                        request.header("X-Webhook-Signature"));
                JsonNode envelope = parse(request.body());
                assertEquals(id, envelope.get("id").asText());
                assertEquals("customer-created", envelope.get("type").asText());
                assertEquals(webhook.get("id").asText(), envelope.get("webhookId").asText());
                assertTrue(envelope.get("createdAt").asText().matches(
                        "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0[12]:00"), envelope.toString());
                assertEquals(42, envelope.at("/data/customerId").asInt());
                assertStandardHeaders(request, id);
                admin.awaitStatus("mijnklantportaal", id, "succeeded");
            }
        }

        @Test
        void equalsMoneySignsWithTheSharedSecretAndSendsTheAuthorizationHeaderOnlyWhenSet() throws Exception {
            try (Receiver receiver = Receiver.answering(200)) {
                admin.createWebhook("equalsmoney", "{\"url\": \"" + receiver.url("/signed") + "\","
                        + " \"webhookEventTypeName\": \"OrderCreated\", \"sharedSecret\": \"em-shared-secret\","
                        + " \"authorizationHeader\": \"Bearer receiver-token\"}");
                admin.createWebhook("equalsmoney", "{\"url\": \"" + receiver.url("/plain") + "\","
                        + " \"webhookEventTypeName\": \"OrderCreated\"}");
                admin.createWebhook("equalsmoney", "{\"url\": \"" + receiver.url("/disabled") + "\","
                        + " \"webhookEventTypeName\": \"OrderCreated\", \"enabled\": false}");
                admin.createWebhook("equalsmoney", "{\"url\": \"" + receiver.url("/other") + "\","
                        + " \"webhookEventTypeName\": \"OrderSettled\"}");

                assertEquals(2, admin.fire("equalsmoney", "OrderCreated", "{\"orderId\": \"o-1\"}").size());

                List<Receiver.Received> requests = receiver.await(2);
                Receiver.Received signed = byUrl(requests, "/signed");
                assertEquals(Signatures.hmacSha256Hex("em-shared-secret", signed.body()),
                        signed.header("x-em-signature"));
                assertEquals("Bearer receiver-token", signed.header("Authorization"));
                JsonNode envelope = parse(signed.body());
                assertEquals("OrderCreated", envelope.get("webhookEventTypeName").asText());
                assertTrue(envelope.get("createdAt").asText().matches(".*T\\d\\d:\\d\\d:\\d\\dZ"), envelope.toString());
                assertEquals("o-1", envelope.at("/data/orderId").asText());
                Receiver.Received plain = byUrl(requests, "/plain");
                assertNull(plain.header("x-em-signature"));
                assertNull(plain.header("Authorization"));
            }
        }

        @Test
        void partooSendsTheWebhooksCustomHeadersBesideTheStubsOwn() throws Exception {
            try (Receiver receiver = Receiver.answering(200)) {
                JsonNode webhook = admin.createWebhook("partoo", "{\"url\": \"" + receiver.url("/partoo") + "\","
                        + " \"event_type\": \"lead_received\", \"org_id\": 7,"
                        + " \"custom_headers\": {\"X-Auth-Token\": \"secret-token\", \"X-Tenant\": \"acme\"}}");
                String id = admin.fire("partoo", "lead_received", "{\"lead\": {\"name\": \"Ada\"}}").get(0);

                Receiver.Received request = receiver.await(1).get(0);
                assertEquals("secret-token", request.header("X-Auth-Token"));
                assertEquals("acme", request.header("X-Tenant"));
                assertStandardHeaders(request, id);
                JsonNode envelope = parse(request.body());
                assertEquals(webhook.get("id").asInt(), envelope.get("webhook_id").asInt());
                assertEquals("lead_received", envelope.get("event_type").asText());
                assertEquals(7, envelope.get("org_id").asInt());
                assertTrue(envelope.get("created_at").asText().matches(".*\\.\\d{6}Z"), envelope.toString());
                assertEquals("Ada", envelope.at("/data/lead/name").asText());
            }
        }

        @Test
        void mollieSignsWithTheSubscriptionsSigningSecretWhichItsOwnGetNeverShows() throws Exception {
            try (Receiver receiver = Receiver.answering(200)) {
                JsonNode given = admin.createWebhook("mollie", "{\"url\": \"" + receiver.url("/given") + "\","
                        + " \"eventTypes\": [\"payment-link.paid\"], \"signingSecret\": \"mollie-signing-secret\"}");
                JsonNode generated = admin.createWebhook("mollie", "{\"url\": \"" + receiver.url("/all") + "\"}");
                admin.createWebhook("mollie", "{\"url\": \"" + receiver.url("/disabled") + "\", \"status\": \"disabled\"}");
                admin.createWebhook("mollie", "{\"url\": \"" + receiver.url("/invoices") + "\","
                        + " \"eventTypes\": [\"sales-invoice.paid\"]}");
                assertEquals("mollie-signing-secret", given.get("signingSecret").asText());
                assertTrue(generated.get("signingSecret").asText().matches("[A-Za-z0-9]{32}"), generated.toString());

                assertEquals(2, admin.fire("mollie", "payment-link.paid", "{\"id\": \"pl_123\"}").size());

                List<Receiver.Received> requests = receiver.await(2);
                Receiver.Received signed = byUrl(requests, "/given");
                // "sha256=" and lowercase hex: the prefix Mollie's SignatureValidator (mollie-api-typescript,
                // mollie-api-php) strips before comparing.
                assertEquals("sha256=" + Signatures.hmacSha256Hex("mollie-signing-secret", signed.body()),
                        signed.header("X-Mollie-Signature"));
                Receiver.Received all = byUrl(requests, "/all");
                assertEquals("sha256=" + Signatures.hmacSha256Hex(generated.get("signingSecret").asText(), all.body()),
                        all.header("X-Mollie-Signature"));
                JsonNode envelope = parse(signed.body());
                assertEquals("event", envelope.get("resource").asText());
                String eventId = envelope.get("id").asText();
                assertEquals(signed.header("webhook-id"), eventId);
                assertEquals("payment-link.paid", envelope.get("type").asText());
                assertEquals("pl_123", envelope.get("entityId").asText());
                assertEquals("pl_123", envelope.at("/_embedded/entity/id").asText());
                assertEquals("https://api.mollie.com/v2/events/" + eventId, envelope.at("/_links/self/href").asText());
                assertEquals("application/hal+json", envelope.at("/_links/self/type").asText());
                assertEquals("https://docs.mollie.com/reference/get-webhook-event",
                        envelope.at("/_links/documentation/href").asText());
                assertEquals("text/html", envelope.at("/_links/documentation/type").asText());

                HttpResponse<String> read = admin.http().get("/mollie/v2/webhooks/" + given.get("id").asText()
                        + "?testmode=true", "Authorization", "Bearer access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM");
                assertEquals(200, read.statusCode(), read.body());
                assertFalse(read.body().contains("signingSecret") || read.body().contains("mollie-signing-secret"),
                        read.body());
                assertTrue(admin.http().get("/__admin/mollie/webhooks", ADMIN).body()
                        .contains("\"signingSecret\":\"mollie-signing-secret\""));
            }
        }

        @Test
        void aMollieEventWithoutPayloadIsTheSimpleEventWithItsLinksAndNoEmbeddedEntity() throws Exception {
            try (Receiver receiver = Receiver.answering(200)) {
                admin.createWebhook("mollie", "{\"url\": \"" + receiver.url("/simple") + "\"}");
                String id = admin.fire("mollie", "balance-transaction.created", null).get(0);

                JsonNode envelope = parse(receiver.await(1).get(0).body());
                assertEquals(id, envelope.get("id").asText());
                assertEquals("", envelope.get("entityId").asText());
                assertFalse(envelope.has("_embedded"), envelope.toString());
                assertEquals("https://api.mollie.com/v2/events/" + id, envelope.at("/_links/self/href").asText());
                assertTrue(envelope.at("/_links/documentation/href").isTextual(), envelope.toString());
            }
        }

        private static void assertStandardHeaders(Receiver.Received request, String deliveryId) {
            assertEquals("application/json", request.header("Content-Type"));
            assertTrue(request.header("User-Agent").startsWith("hookstub-webhooks/"), request.header("User-Agent"));
            assertEquals(deliveryId, request.header("webhook-id"));
            long timestamp = Long.parseLong(request.header("webhook-timestamp"));
            assertTrue(Math.abs(Instant.now().getEpochSecond() - timestamp) < 60, "webhook-timestamp " + timestamp);
        }
    }

    @Nested
    class Triggering {

        @Test
        void anEventTypeTheApiDoesNotDocumentIs400NamingTheField() {
            for (String api : List.of("mijnklantportaal", "partoo")) {
                HttpResponse<String> refused = admin.trigger(api, "{\"type\": \"no-such-event\"}");
                assertEquals(400, refused.statusCode(), refused.body());
                assertEquals("type", parse(refused.body()).path("field").asText(), refused.body());
                assertTrue(parse(refused.body()).path("message").isTextual(), refused.body());
            }
            assertEquals(400, admin.trigger("mollie", "{\"payload\": {}}").statusCode());
            assertEquals(404, admin.trigger("stripe", "{\"type\": \"x\"}").statusCode());
            assertEquals(401, admin.http().post("/__admin/partoo/events", "{\"type\": \"lead_received\"}").statusCode());
        }

        @Test
        void withoutSubscribersTheAnswerIsAnEmptyList() {
            assertEquals(List.of(), admin.fire("equalsmoney", "NobodyListens", null));
            assertEquals(List.of(), admin.fire("mijnklantportaal", "invoice-paid", null));
        }

        @Test
        void aWebhookIdNarrowsTheEventToThatWebhook() throws Exception {
            try (Receiver receiver = Receiver.answering(200)) {
                admin.createWebhook("partoo", "{\"url\": \"" + receiver.url("/a") + "\", \"event_type\": \"business_updated\"}");
                JsonNode b = admin.createWebhook("partoo",
                        "{\"url\": \"" + receiver.url("/b") + "\", \"event_type\": \"business_updated\"}");
                HttpResponse<String> answer = admin.trigger("partoo",
                        "{\"type\": \"business_updated\", \"webhookId\": " + b.get("id").asInt() + "}");
                assertEquals(202, answer.statusCode(), answer.body());
                assertEquals(1, parse(answer.body()).get("deliveryIds").size(), answer.body());
                assertEquals("/b", receiver.await(1).get(0).path());
            }
        }

        @Test
        void theLogFiltersByStatusAndWebhookAndRefusesAnUnknownStatus() throws Exception {
            try (Receiver receiver = Receiver.answering(200)) {
                JsonNode webhook = admin.createWebhook("partoo",
                        "{\"url\": \"" + receiver.url("/p") + "\", \"event_type\": \"business_created\"}");
                String id = admin.fire("partoo", "business_created", null).get(0);
                admin.awaitStatus("partoo", id, "succeeded");
                assertEquals(1, admin.deliveries("partoo", "?status=succeeded&webhookId=" + webhook.get("id")).size());
                assertEquals(0, admin.deliveries("partoo", "?status=failed").size());
                assertEquals(0, admin.deliveries("mollie", "").size());
                assertEquals(400, admin.http().get("/__admin/partoo/deliveries?status=lost", ADMIN).statusCode());
                assertEquals(404, admin.http().get("/__admin/mollie/deliveries/" + id, ADMIN).statusCode());
                assertEquals(404, admin.http().post("/__admin/partoo/deliveries/dlv_nope/retry", null, ADMIN)
                        .statusCode());
            }
        }
    }

    @Nested
    class RetriedAndLogged {

        @Test
        void aReceiverFailingTwiceGetsTheSameDeliveryAThirdTimeAndItSucceeds() throws Exception {
            try (Receiver receiver = Receiver.answering(500, 503, 200)) {
                admin.createWebhook("mijnklantportaal",
                        "{\"url\": \"" + receiver.url("/flaky") + "\", \"type\": \"ticket-created\"}");
                String id = admin.fire("mijnklantportaal", "ticket-created", "{\"ticket\": 1}").get(0);

                JsonNode delivery = admin.awaitStatus("mijnklantportaal", id, "succeeded");
                assertEquals(3, delivery.get("attempts").asInt(), delivery.toString());
                assertEquals(200, delivery.get("lastResponseCode").asInt());
                assertTrue(delivery.get("lastError").isNull(), delivery.toString());
                assertTrue(delivery.get("durationMs").asLong() >= 0);
                assertTrue(delivery.get("nextAttemptAt").isNull());
                List<Receiver.Received> requests = receiver.received();
                assertEquals(3, requests.size());
                Set<String> ids = requests.stream().map(r -> r.header("webhook-id")).collect(Collectors.toSet());
                assertEquals(Set.of(id), ids, "webhook-id must not change between retries");
                assertEquals(1, requests.stream().map(Receiver.Received::body).distinct().count());
                assertEquals(1, requests.stream().map(r -> r.header("X-Webhook-Signature")).distinct().count());
            }
        }

        @Test
        void aReceiverThatKeepsFailingIsGivenUpAfterTheRetriesAndAManualRetrySendsItAgain() throws Exception {
            try (Receiver receiver = Receiver.answering(500, 500, 500, 500, 200)) {
                admin.createWebhook("equalsmoney", "{\"url\": \"" + receiver.url("/down") + "\","
                        + " \"webhookEventTypeName\": \"PaymentFailed\"}");
                String id = admin.fire("equalsmoney", "PaymentFailed", null).get(0);

                JsonNode failed = admin.awaitStatus("equalsmoney", id, "failed");
                assertEquals(1 + RETRIES, failed.get("attempts").asInt(), failed.toString());
                assertEquals(500, failed.get("lastResponseCode").asInt());
                assertEquals(1 + RETRIES, receiver.received().size());

                HttpResponse<String> retried = admin.http().post("/__admin/equalsmoney/deliveries/" + id + "/retry",
                        null, ADMIN);
                assertEquals(202, retried.statusCode(), retried.body());
                JsonNode succeeded = admin.awaitStatus("equalsmoney", id, "succeeded");
                assertEquals(2 + RETRIES, succeeded.get("attempts").asInt(), succeeded.toString());
                assertEquals(Set.of(id), receiver.received().stream().map(r -> r.header("webhook-id"))
                        .collect(Collectors.toSet()));
            }
        }

        @Test
        void aRefusedConnectionIsRetriedThenFailed() throws Exception {
            admin.createWebhook("partoo", "{\"url\": \"http://127.0.0.1:" + Receiver.freePort() + "/nobody\","
                    + " \"event_type\": \"message_created\"}");
            String id = admin.fire("partoo", "message_created", null).get(0);
            JsonNode failed = admin.awaitStatus("partoo", id, "failed");
            assertEquals(1 + RETRIES, failed.get("attempts").asInt());
            assertTrue(failed.get("lastResponseCode").isNull(), failed.toString());
            assertEquals("connection refused", failed.get("lastError").asText());
        }

        @Test
        void a410StopsDeliveryToThatWebhookAndDisablesItWhereTheApiCan() throws Exception {
            try (Receiver receiver = Receiver.answering(410)) {
                JsonNode equals = admin.createWebhook("equalsmoney", "{\"url\": \"" + receiver.url("/gone") + "\","
                        + " \"webhookEventTypeName\": \"OrderCreated\"}");
                JsonNode mollie = admin.createWebhook("mollie", "{\"url\": \"" + receiver.url("/gone") + "\"}");
                admin.createWebhook("mijnklantportaal",
                        "{\"url\": \"" + receiver.url("/gone") + "\", \"type\": \"offer-created\"}");

                JsonNode gone = admin.awaitStatus("equalsmoney",
                        admin.fire("equalsmoney", "OrderCreated", null).get(0), "gone");
                assertEquals(1, gone.get("attempts").asInt(), gone.toString());
                assertEquals(410, gone.get("lastResponseCode").asInt());
                admin.awaitStatus("mollie", admin.fire("mollie", "sales-invoice.paid", null).get(0), "gone");
                admin.awaitStatus("mijnklantportaal", admin.fire("mijnklantportaal", "offer-created", null).get(0),
                        "gone");
                assertEquals(3, receiver.received().size());

                assertEquals(List.of(), admin.fire("equalsmoney", "OrderCreated", null));
                assertEquals(List.of(), admin.fire("mollie", "sales-invoice.paid", null));
                assertEquals(List.of(), admin.fire("mijnklantportaal", "offer-created", null));
                Thread.sleep(100);
                assertEquals(3, receiver.received().size());
                HttpResponse<String> disabled = admin.http().get("/equalsmoney/v2/webhooks/" + equals.get("id").asText(),
                        "Authorization", "equals_any_key");
                assertFalse(parse(disabled.body()).get("enabled").asBoolean(), disabled.body());
                HttpResponse<String> mollieRead = admin.http().get("/mollie/v2/webhooks/" + mollie.get("id").asText()
                        + "?testmode=true", "Authorization", "Bearer access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM");
                assertEquals("disabled", parse(mollieRead.body()).get("status").asText(), mollieRead.body());
            }
        }
    }

    private static Receiver.Received byUrl(List<Receiver.Received> requests, String path) {
        return requests.stream().filter(r -> r.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing delivered to " + path));
    }

    /**
     * Each API's delivery body byte for byte, with the stub's clock frozen: its fields in the provider's order, its
     * timestamp format, its number and null fields. A receiver checking a signature hashes these exact bytes, so a
     * field moved or retyped by the envelope code every API shares would break each consumer's check.
     */
    @Nested
    class BodiesByteForByte {

        @ParameterizedTest(name = "{0} {2}")
        @MethodSource("dev.hookstub.server.delivery.WebhookDeliveryTest#envelopes")
        void theDeliveryBodyIsTheProvidersEnvelopeByteForByte(String api, String webhook, String type,
                                                             String payload, String expected) throws Exception {
            for (String change : List.of("{\"freeze\": true}", "{\"set\": \"2026-03-01T10:15:30Z\"}")) {
                HttpResponse<String> changed = admin.http().post("/__admin/clock", change, ADMIN);
                assertEquals(200, changed.statusCode(), changed.body());
            }
            try (Receiver receiver = Receiver.answering(200)) {
                admin.createWebhook(api, webhook.formatted(receiver.url("/" + api)));
                String id = admin.fire(api, type, payload).get(0);
                assertEquals(expected.replace("@", id), receiver.await(1).get(0).body());
            }
        }
    }

    /** Per API: a webhook (its URL a {@code %s}), an event, and the body expected, {@code @} for the delivery id. */
    static Stream<Arguments> envelopes() {
        String mollieLinks = "\"_links\":{\"self\":{\"href\":\"https://api.mollie.com/v2/events/@\","
                + "\"type\":\"application/hal+json\"},\"documentation\":{\"href\":"
                + "\"https://docs.mollie.com/reference/get-webhook-event\",\"type\":\"text/html\"}}}";
        return Stream.of(
                Arguments.of("mijnklantportaal", """
                        {"id": "wbh_bodies000001", "url": "%s", "type": "customer-created", "secret": "s3cret"}""",
                        "customer-created", "{\"customerId\": 42}",
                        "{\"id\":\"@\",\"type\":\"customer-created\",\"webhookId\":\"wbh_bodies000001\","
                                + "\"createdAt\":\"2026-03-01T11:15:30+01:00\",\"data\":{\"customerId\":42}}"),
                Arguments.of("equalsmoney", """
                        {"id": "0f0e0d0c-0b0a-4909-8807-060504030201", "url": "%s",
                         "webhookEventTypeName": "OrderCreated", "sharedSecret": "em-secret"}""",
                        "OrderCreated", "{\"orderId\": \"o-1\"}",
                        "{\"id\":\"@\",\"webhookId\":\"0f0e0d0c-0b0a-4909-8807-060504030201\","
                                + "\"webhookEventTypeName\":\"OrderCreated\",\"accountId\":null,"
                                + "\"createdAt\":\"2026-03-01T10:15:30Z\",\"data\":{\"orderId\":\"o-1\"}}"),
                Arguments.of("partoo", """
                        {"id": 77, "url": "%s", "event_type": "lead_received", "org_id": 7}""",
                        "lead_received", "{\"lead\": {\"name\": \"Ada\"}}",
                        "{\"id\":\"@\",\"webhook_id\":77,\"event_type\":\"lead_received\",\"org_id\":7,"
                                + "\"created_at\":\"2026-03-01T10:15:30.000000Z\",\"data\":{\"lead\":{\"name\":\"Ada\"}}}"),
                Arguments.of("mollie", """
                        {"id": "hook_bodies00000000000001", "url": "%s", "eventTypes": ["payment-link.paid"]}""",
                        "payment-link.paid", "{\"id\": \"pl_123\"}",
                        "{\"resource\":\"event\",\"id\":\"@\",\"type\":\"payment-link.paid\","
                                + "\"webhookId\":\"hook_bodies00000000000001\",\"entityId\":\"pl_123\","
                                + "\"createdAt\":\"2026-03-01T10:15:30+00:00\","
                                + "\"_embedded\":{\"entity\":{\"id\":\"pl_123\"}}," + mollieLinks),
                // An empty payload names no entity: nothing embedded, an empty entityId.
                Arguments.of("mollie", """
                        {"id": "hook_bodies00000000000002", "url": "%s", "eventTypes": ["*"]}""",
                        "payment-link.paid", "{}",
                        "{\"resource\":\"event\",\"id\":\"@\",\"type\":\"payment-link.paid\","
                                + "\"webhookId\":\"hook_bodies00000000000002\",\"entityId\":\"\","
                                + "\"createdAt\":\"2026-03-01T10:15:30+00:00\"," + mollieLinks));
    }
}
