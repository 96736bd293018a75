package dev.hookstub.server.delivery;

import static dev.hookstub.conformance.preset.Preset.EQUALSMONEY;
import static dev.hookstub.conformance.preset.Preset.MIJNKLANTPORTAAL;
import static dev.hookstub.conformance.preset.Preset.MOLLIE;
import static dev.hookstub.conformance.preset.Preset.PARTOO;
import static dev.hookstub.junit.HookstubHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.junit.DeliveryReceiver;
import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubExtension;
import dev.hookstub.junit.ReceivedDelivery;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Events fired through the admin API reach real receivers on loopback, signed, retried and logged. */
class WebhookDeliveryTest {

    private static final int RETRIES = 3;

    /** Without records: the specs' example webhooks point at the internet, and a test must never deliver there. */
    @RegisterExtension
    static final HookstubExtension stub = HookstubExtension.with(Hookstub.defaultConfig()
            .withDelivery(DeliveryOptions.defaults().withRetries(RETRIES).withRetryDelay(Duration.ofMillis(20))
                    .withTimeout(Duration.ofSeconds(2)))).withoutRecords();

    @Nested
    class SignedAsEachProviderSigns {

        @Test
        void mijnklantportaalSignsTheRawBodyWithTheWebhookSecretInXWebhookSignature() throws Exception {
            try (DeliveryReceiver receiver = DeliveryReceiver.answering(200)) {
                JsonNode webhook = stub.admin().createWebhook(MIJNKLANTPORTAAL,
                        "{\"url\": \"" + receiver.url("/mkp") + "\", \"type\": \"customer-created\"}");
                String id = stub.admin().fireEvent(MIJNKLANTPORTAAL, "customer-created", "{\"customerId\": 42}").get(0);

                ReceivedDelivery request = receiver.awaitDeliveries(1).get(0);
                assertEquals(Signatures.hmacSha256Hex(webhook.get("secret").asText(), request.body()),
                        request.header("X-Webhook-Signature").orElse(null));
                JsonNode envelope = json(request.body());
                assertEquals(id, envelope.get("id").asText());
                assertEquals("customer-created", envelope.get("type").asText());
                assertEquals(webhook.get("id").asText(), envelope.get("webhookId").asText());
                assertTrue(envelope.get("createdAt").asText().matches(
                        "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0[12]:00"), envelope.toString());
                assertEquals(42, envelope.at("/data/customerId").asInt());
                assertStandardHeaders(request, id);
                stub.admin().awaitDelivery(MIJNKLANTPORTAAL, id, "succeeded");
            }
        }

        @Test
        void equalsMoneySignsWithTheSharedSecretAndSendsTheAuthorizationHeaderOnlyWhenSet() throws Exception {
            try (DeliveryReceiver receiver = DeliveryReceiver.answering(200)) {
                stub.admin().createWebhook(EQUALSMONEY, "{\"url\": \"" + receiver.url("/signed") + "\","
                        + " \"webhookEventTypeName\": \"OrderCreated\", \"sharedSecret\": \"em-shared-secret\","
                        + " \"authorizationHeader\": \"Bearer receiver-token\"}");
                stub.admin().createWebhook(EQUALSMONEY, "{\"url\": \"" + receiver.url("/plain") + "\","
                        + " \"webhookEventTypeName\": \"OrderCreated\"}");
                stub.admin().createWebhook(EQUALSMONEY, "{\"url\": \"" + receiver.url("/disabled") + "\","
                        + " \"webhookEventTypeName\": \"OrderCreated\", \"enabled\": false}");
                stub.admin().createWebhook(EQUALSMONEY, "{\"url\": \"" + receiver.url("/other") + "\","
                        + " \"webhookEventTypeName\": \"OrderSettled\"}");

                assertEquals(2, stub.admin().fireEvent(EQUALSMONEY, "OrderCreated", "{\"orderId\": \"o-1\"}").size());

                List<ReceivedDelivery> requests = receiver.awaitDeliveries(2);
                ReceivedDelivery signed = byUrl(requests, "/signed");
                assertEquals(Signatures.hmacSha256Hex("em-shared-secret", signed.body()),
                        signed.header("x-em-signature").orElse(null));
                assertEquals("Bearer receiver-token", signed.header("Authorization").orElse(null));
                JsonNode envelope = json(signed.body());
                assertEquals("OrderCreated", envelope.get("webhookEventTypeName").asText());
                assertTrue(envelope.get("createdAt").asText().matches(".*T\\d\\d:\\d\\d:\\d\\dZ"), envelope.toString());
                assertEquals("o-1", envelope.at("/data/orderId").asText());
                ReceivedDelivery plain = byUrl(requests, "/plain");
                assertNull(plain.header("x-em-signature").orElse(null));
                assertNull(plain.header("Authorization").orElse(null));
            }
        }

        @Test
        void partooSendsTheWebhooksCustomHeadersBesideTheStubsOwn() throws Exception {
            try (DeliveryReceiver receiver = DeliveryReceiver.answering(200)) {
                JsonNode webhook = stub.admin().createWebhook(PARTOO, "{\"url\": \"" + receiver.url("/partoo") + "\","
                        + " \"event_type\": \"lead_received\", \"org_id\": 7,"
                        + " \"custom_headers\": {\"X-Auth-Token\": \"secret-token\", \"X-Tenant\": \"acme\"}}");
                String id = stub.admin().fireEvent(PARTOO, "lead_received", "{\"lead\": {\"name\": \"Ada\"}}").get(0);

                ReceivedDelivery request = receiver.awaitDeliveries(1).get(0);
                assertEquals("secret-token", request.header("X-Auth-Token").orElse(null));
                assertEquals("acme", request.header("X-Tenant").orElse(null));
                assertStandardHeaders(request, id);
                JsonNode envelope = json(request.body());
                assertEquals(webhook.get("id").asInt(), envelope.get("webhook_id").asInt());
                assertEquals("lead_received", envelope.get("event_type").asText());
                assertEquals(7, envelope.get("org_id").asInt());
                assertTrue(envelope.get("created_at").asText().matches(".*\\.\\d{6}Z"), envelope.toString());
                assertEquals("Ada", envelope.at("/data/lead/name").asText());
            }
        }

        @Test
        void mollieSignsWithTheSubscriptionsSigningSecretWhichItsOwnGetNeverShows() throws Exception {
            try (DeliveryReceiver receiver = DeliveryReceiver.answering(200)) {
                JsonNode given = stub.admin().createWebhook(MOLLIE, "{\"url\": \"" + receiver.url("/given") + "\","
                        + " \"eventTypes\": [\"payment-link.paid\"], \"signingSecret\": \"mollie-signing-secret\"}");
                JsonNode generated = stub.admin().createWebhook(MOLLIE, "{\"url\": \"" + receiver.url("/all") + "\"}");
                stub.admin().createWebhook(MOLLIE, "{\"url\": \"" + receiver.url("/disabled") + "\", \"status\": \"disabled\"}");
                stub.admin().createWebhook(MOLLIE, "{\"url\": \"" + receiver.url("/invoices") + "\","
                        + " \"eventTypes\": [\"sales-invoice.paid\"]}");
                assertEquals("mollie-signing-secret", given.get("signingSecret").asText());
                assertTrue(generated.get("signingSecret").asText().matches("[A-Za-z0-9]{32}"), generated.toString());

                assertEquals(2, stub.admin().fireEvent(MOLLIE, "payment-link.paid", "{\"id\": \"pl_123\"}").size());

                List<ReceivedDelivery> requests = receiver.awaitDeliveries(2);
                ReceivedDelivery signed = byUrl(requests, "/given");
                // "sha256=" and lowercase hex: the prefix Mollie's SignatureValidator (mollie-api-typescript,
                // mollie-api-php) strips before comparing.
                assertEquals("sha256=" + Signatures.hmacSha256Hex("mollie-signing-secret", signed.body()),
                        signed.header("X-Mollie-Signature").orElse(null));
                ReceivedDelivery all = byUrl(requests, "/all");
                assertEquals("sha256=" + Signatures.hmacSha256Hex(generated.get("signingSecret").asText(), all.body()),
                        all.header("X-Mollie-Signature").orElse(null));
                JsonNode envelope = json(signed.body());
                assertEquals("event", envelope.get("resource").asText());
                String eventId = envelope.get("id").asText();
                assertEquals(signed.header("webhook-id").orElse(null), eventId);
                assertEquals("payment-link.paid", envelope.get("type").asText());
                assertEquals("pl_123", envelope.get("entityId").asText());
                assertEquals("pl_123", envelope.at("/_embedded/entity/id").asText());
                assertEquals("https://api.mollie.com/v2/events/" + eventId, envelope.at("/_links/self/href").asText());
                assertEquals("application/hal+json", envelope.at("/_links/self/type").asText());
                assertEquals("https://docs.mollie.com/reference/get-webhook-event",
                        envelope.at("/_links/documentation/href").asText());
                assertEquals("text/html", envelope.at("/_links/documentation/type").asText());

                HttpResponse<String> read = stub.http().get("/mollie/v2/webhooks/" + given.get("id").asText()
                        + "?testmode=true", "Authorization", "Bearer access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM");
                assertEquals(200, read.statusCode(), read.body());
                assertFalse(read.body().contains("signingSecret") || read.body().contains("mollie-signing-secret"),
                        read.body());
                assertTrue(stub.adminHttp().get("/__admin/mollie/webhooks").body()
                        .contains("\"signingSecret\":\"mollie-signing-secret\""));
            }
        }

        @Test
        void aMollieEventWithoutPayloadIsTheSimpleEventWithItsLinksAndNoEmbeddedEntity() throws Exception {
            try (DeliveryReceiver receiver = DeliveryReceiver.answering(200)) {
                stub.admin().createWebhook(MOLLIE, "{\"url\": \"" + receiver.url("/simple") + "\"}");
                String id = stub.admin().fireEvent(MOLLIE, "balance-transaction.created").get(0);

                JsonNode envelope = json(receiver.awaitDeliveries(1).get(0).body());
                assertEquals(id, envelope.get("id").asText());
                assertEquals("", envelope.get("entityId").asText());
                assertFalse(envelope.has("_embedded"), envelope.toString());
                assertEquals("https://api.mollie.com/v2/events/" + id, envelope.at("/_links/self/href").asText());
                assertTrue(envelope.at("/_links/documentation/href").isTextual(), envelope.toString());
            }
        }

        private static void assertStandardHeaders(ReceivedDelivery request, String deliveryId) {
            assertEquals("application/json", request.header("Content-Type").orElse(null));
            assertTrue(request.header("User-Agent").orElse(null).startsWith("hookstub-webhooks/"), request.header("User-Agent").orElse(null));
            assertEquals(deliveryId, request.header("webhook-id").orElse(null));
            long timestamp = Long.parseLong(request.header("webhook-timestamp").orElse(null));
            assertTrue(Math.abs(Instant.now().getEpochSecond() - timestamp) < 60, "webhook-timestamp " + timestamp);
        }
    }

    @Nested
    class Triggering {

        @Test
        void anEventTypeTheApiDoesNotDocumentIs400NamingTheField() {
            for (String api : List.of("mijnklantportaal", "partoo")) {
                HttpResponse<String> refused = stub.adminHttp().post("/__admin/" + api + "/events", "{\"type\": \"no-such-event\"}");
                assertEquals(400, refused.statusCode(), refused.body());
                assertEquals("type", json(refused.body()).path("field").asText(), refused.body());
                assertTrue(json(refused.body()).path("message").isTextual(), refused.body());
            }
            assertEquals(400, stub.adminHttp().post("/__admin/mollie/events", "{\"payload\": {}}").statusCode());
            assertEquals(404, stub.adminHttp().post("/__admin/stripe/events", "{\"type\": \"x\"}").statusCode());
            assertEquals(401, stub.http().post("/__admin/partoo/events", "{\"type\": \"lead_received\"}").statusCode());
        }

        @Test
        void withoutSubscribersTheAnswerIsAnEmptyList() {
            assertEquals(List.of(), stub.admin().fireEvent(EQUALSMONEY, "NobodyListens"));
            assertEquals(List.of(), stub.admin().fireEvent(MIJNKLANTPORTAAL, "invoice-paid"));
        }

        @Test
        void aWebhookIdNarrowsTheEventToThatWebhook() throws Exception {
            try (DeliveryReceiver receiver = DeliveryReceiver.answering(200)) {
                stub.admin().createWebhook(PARTOO, "{\"url\": \"" + receiver.url("/a") + "\", \"event_type\": \"business_updated\"}");
                JsonNode b = stub.admin().createWebhook(PARTOO,
                        "{\"url\": \"" + receiver.url("/b") + "\", \"event_type\": \"business_updated\"}");
                HttpResponse<String> answer = stub.adminHttp().post("/__admin/partoo/events",
                        "{\"type\": \"business_updated\", \"webhookId\": " + b.get("id").asInt() + "}");
                assertEquals(202, answer.statusCode(), answer.body());
                assertEquals(1, json(answer.body()).get("deliveryIds").size(), answer.body());
                assertEquals("/b", receiver.awaitDeliveries(1).get(0).path());
            }
        }

        @Test
        void theLogFiltersByStatusAndWebhookAndRefusesAnUnknownStatus() throws Exception {
            try (DeliveryReceiver receiver = DeliveryReceiver.answering(200)) {
                JsonNode webhook = stub.admin().createWebhook(PARTOO,
                        "{\"url\": \"" + receiver.url("/p") + "\", \"event_type\": \"business_created\"}");
                String id = stub.admin().fireEvent(PARTOO, "business_created").get(0);
                stub.admin().awaitDelivery(PARTOO, id, "succeeded");
                assertEquals(1, stub.admin().deliveries(PARTOO, Map.of("status", "succeeded",
                        "webhookId", webhook.get("id"))).size());
                assertEquals(0, stub.admin().deliveries(PARTOO, Map.of("status", "failed")).size());
                assertEquals(0, stub.admin().deliveries(MOLLIE).size());
                assertEquals(400, stub.adminHttp().get("/__admin/partoo/deliveries?status=lost").statusCode());
                assertEquals(404, stub.adminHttp().get("/__admin/mollie/deliveries/" + id).statusCode());
                assertEquals(404, stub.adminHttp().post("/__admin/partoo/deliveries/dlv_nope/retry", null)
                        .statusCode());
            }
        }
    }

    @Nested
    class RetriedAndLogged {

        @Test
        void aReceiverFailingTwiceGetsTheSameDeliveryAThirdTimeAndItSucceeds() throws Exception {
            try (DeliveryReceiver receiver = DeliveryReceiver.answering(500, 503, 200)) {
                stub.admin().createWebhook(MIJNKLANTPORTAAL,
                        "{\"url\": \"" + receiver.url("/flaky") + "\", \"type\": \"ticket-created\"}");
                String id = stub.admin().fireEvent(MIJNKLANTPORTAAL, "ticket-created", "{\"ticket\": 1}").get(0);

                JsonNode delivery = stub.admin().awaitDelivery(MIJNKLANTPORTAAL, id, "succeeded");
                assertEquals(3, delivery.get("attempts").asInt(), delivery.toString());
                assertEquals(200, delivery.get("lastResponseCode").asInt());
                assertTrue(delivery.get("lastError").isNull(), delivery.toString());
                assertTrue(delivery.get("durationMs").asLong() >= 0);
                assertTrue(delivery.get("nextAttemptAt").isNull());
                List<ReceivedDelivery> requests = receiver.received();
                assertEquals(3, requests.size());
                Set<String> ids = requests.stream().map(r -> r.header("webhook-id").orElse(null)).collect(Collectors.toSet());
                assertEquals(Set.of(id), ids, "webhook-id must not change between retries");
                assertEquals(1, requests.stream().map(ReceivedDelivery::body).distinct().count());
                assertEquals(1, requests.stream().map(r -> r.header("X-Webhook-Signature").orElse(null)).distinct().count());
            }
        }

        @Test
        void aReceiverThatKeepsFailingIsGivenUpAfterTheRetriesAndAManualRetrySendsItAgain() throws Exception {
            try (DeliveryReceiver receiver = DeliveryReceiver.answering(500, 500, 500, 500, 200)) {
                stub.admin().createWebhook(EQUALSMONEY, "{\"url\": \"" + receiver.url("/down") + "\","
                        + " \"webhookEventTypeName\": \"PaymentFailed\"}");
                String id = stub.admin().fireEvent(EQUALSMONEY, "PaymentFailed").get(0);

                JsonNode failed = stub.admin().awaitDelivery(EQUALSMONEY, id, "failed");
                assertEquals(1 + RETRIES, failed.get("attempts").asInt(), failed.toString());
                assertEquals(500, failed.get("lastResponseCode").asInt());
                assertEquals(1 + RETRIES, receiver.received().size());

                HttpResponse<String> retried = stub.adminHttp().post("/__admin/equalsmoney/deliveries/" + id + "/retry",
                        null);
                assertEquals(202, retried.statusCode(), retried.body());
                JsonNode succeeded = stub.admin().awaitDelivery(EQUALSMONEY, id, "succeeded");
                assertEquals(2 + RETRIES, succeeded.get("attempts").asInt(), succeeded.toString());
                assertEquals(Set.of(id), receiver.received().stream().map(r -> r.header("webhook-id").orElse(null))
                        .collect(Collectors.toSet()));
            }
        }

        @Test
        void aRefusedConnectionIsRetriedThenFailed() throws Exception {
            stub.admin().createWebhook(PARTOO, "{\"url\": \"http://127.0.0.1:" + Hookstub.freePort() + "/nobody\","
                    + " \"event_type\": \"message_created\"}");
            String id = stub.admin().fireEvent(PARTOO, "message_created").get(0);
            JsonNode failed = stub.admin().awaitDelivery(PARTOO, id, "failed");
            assertEquals(1 + RETRIES, failed.get("attempts").asInt());
            assertTrue(failed.get("lastResponseCode").isNull(), failed.toString());
            assertEquals("connection refused", failed.get("lastError").asText());
        }

        @Test
        void a410StopsDeliveryToThatWebhookAndDisablesItWhereTheApiCan() throws Exception {
            try (DeliveryReceiver receiver = DeliveryReceiver.answering(410)) {
                JsonNode equals = stub.admin().createWebhook(EQUALSMONEY, "{\"url\": \"" + receiver.url("/gone") + "\","
                        + " \"webhookEventTypeName\": \"OrderCreated\"}");
                JsonNode mollie = stub.admin().createWebhook(MOLLIE, "{\"url\": \"" + receiver.url("/gone") + "\"}");
                stub.admin().createWebhook(MIJNKLANTPORTAAL,
                        "{\"url\": \"" + receiver.url("/gone") + "\", \"type\": \"offer-created\"}");

                JsonNode gone = stub.admin().awaitDelivery(EQUALSMONEY,
                        stub.admin().fireEvent(EQUALSMONEY, "OrderCreated").get(0), "gone");
                assertEquals(1, gone.get("attempts").asInt(), gone.toString());
                assertEquals(410, gone.get("lastResponseCode").asInt());
                stub.admin().awaitDelivery(MOLLIE, stub.admin().fireEvent(MOLLIE, "sales-invoice.paid").get(0), "gone");
                stub.admin().awaitDelivery(MIJNKLANTPORTAAL, stub.admin().fireEvent(MIJNKLANTPORTAAL, "offer-created").get(0),
                        "gone");
                assertEquals(3, receiver.received().size());

                assertEquals(List.of(), stub.admin().fireEvent(EQUALSMONEY, "OrderCreated"));
                assertEquals(List.of(), stub.admin().fireEvent(MOLLIE, "sales-invoice.paid"));
                assertEquals(List.of(), stub.admin().fireEvent(MIJNKLANTPORTAAL, "offer-created"));
                Thread.sleep(100);
                assertEquals(3, receiver.received().size());
                HttpResponse<String> disabled = stub.http().get("/equalsmoney/v2/webhooks/" + equals.get("id").asText(),
                        "Authorization", "equals_any_key");
                assertFalse(json(disabled.body()).get("enabled").asBoolean(), disabled.body());
                HttpResponse<String> mollieRead = stub.http().get("/mollie/v2/webhooks/" + mollie.get("id").asText()
                        + "?testmode=true", "Authorization", "Bearer access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM");
                assertEquals("disabled", json(mollieRead.body()).get("status").asText(), mollieRead.body());
            }
        }
    }

    private static ReceivedDelivery byUrl(List<ReceivedDelivery> requests, String path) {
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
                HttpResponse<String> changed = stub.adminHttp().post("/__admin/clock", change);
                assertEquals(200, changed.statusCode(), changed.body());
            }
            try (DeliveryReceiver receiver = DeliveryReceiver.answering(200)) {
                Preset preset = Preset.named(api).orElseThrow();
                stub.admin().createWebhook(preset, webhook.formatted(receiver.url("/" + api)));
                String id = stub.admin().fireEvent(preset, type, payload).get(0);
                assertEquals(expected.replace("@", id), receiver.awaitDeliveries(1).get(0).body());
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
                // A payload's numbers as given: every digit, trailing zeros, and one past a double's range.
                Arguments.of("mijnklantportaal", """
                        {"id": "wbh_bodies000002", "url": "%s", "type": "invoice-paid", "secret": "s3cret"}""",
                        "invoice-paid", "{\"amount\": 12.50, \"pi\": 3.141592653589793238, \"huge\": 1e400}",
                        "{\"id\":\"@\",\"type\":\"invoice-paid\",\"webhookId\":\"wbh_bodies000002\","
                                + "\"createdAt\":\"2026-03-01T11:15:30+01:00\",\"data\":{\"amount\":12.50,"
                                + "\"pi\":3.141592653589793238,\"huge\":1E+400}}"),
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
