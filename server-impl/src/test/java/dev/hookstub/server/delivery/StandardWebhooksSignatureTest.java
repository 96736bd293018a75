package dev.hookstub.server.delivery;

import static dev.hookstub.server.delivery.AdminClient.ADMIN;
import static dev.hookstub.server.delivery.AdminClient.parse;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import dev.hookstub.server.ServerConfig;
import dev.hookstub.server.StubServer;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every API's deliveries carry a Standard Webhooks {@code webhook-signature} that the reference library
 * ({@code com.standardwebhooks:standardwebhooks}, {@code Webhook(secret).verify(payload, headers)}) accepts with the
 * secret the admin API shows for the record, on the first attempt and on a retry, which has its own timestamp but
 * the same id; the provider's own signature header stays as it was.
 */
class StandardWebhooksSignatureTest {

    private static StubServer server;
    private static AdminClient admin;

    @BeforeAll
    static void start() {
        server = StubServer.start(ServerConfig.defaults().withPort(0));
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "mijnklantportaal | {\"type\": \"invoice-paid\", \"secret\": \"mkp-secret\"} | invoice-paid | X-Webhook-Signature",
        "equalsmoney | {\"webhookEventTypeName\": \"OrderCreated\", \"sharedSecret\": \"em-secret\"} | OrderCreated"
                + " | x-em-signature",
        "equalsmoney | {\"webhookEventTypeName\": \"OrderCreated\"} | OrderCreated |",
        "partoo | {\"event_type\": \"lead_received\"} | lead_received |",
        "mollie | {\"eventTypes\": [\"payment-link.paid\"], \"signingSecret\": \"mollie-secret\"} | payment-link.paid"
                + " | X-Mollie-Signature",
    })
    void theReferenceLibraryVerifiesEveryAttemptWithTheSecretTheAdminApiShows(String api, String fields, String type,
                                                                              String providerHeader) throws Exception {
        try (Receiver receiver = Receiver.answering(200)) {
            JsonNode record = admin.createWebhook(api, "{\"url\": \"" + receiver.url("/" + api) + "\", "
                    + fields.substring(1));
            String secret = record.path("standardWebhooksSecret").asText();
            assertTrue(secret.matches("whsec_[A-Za-z0-9+/]{43}="), record.toString());
            assertEquals(secret, listed(api, record).path("standardWebhooksSecret").asText(), "the same when listed");

            String id = admin.fire(api, type, "{\"id\": \"entity_1\"}").get(0);
            Receiver.Received first = receiver.await(1).get(0);
            admin.awaitStatus(api, id, "succeeded");
            // The timestamp is in seconds: the retry must come in a later one.
            Thread.sleep(1100);
            HttpResponse<String> retried = admin.http().post("/__admin/" + api + "/deliveries/" + id + "/retry", null,
                    ADMIN);
            assertEquals(202, retried.statusCode(), retried.body());
            Receiver.Received second = receiver.await(2).get(1);

            Webhook verifier = new Webhook(secret);
            for (Receiver.Received attempt : List.of(first, second)) {
                assertEquals(id, attempt.header("webhook-id"));
                assertTrue(attempt.header("webhook-signature").startsWith("v1,"), attempt.header("webhook-signature"));
                assertDoesNotThrow(() -> verifier.verify(attempt.body(), lowerCase(attempt)));
            }
            assertEquals(first.body(), second.body());
            assertNotEquals(first.header("webhook-timestamp"), second.header("webhook-timestamp"));
            assertNotEquals(first.header("webhook-signature"), second.header("webhook-signature"));
            if (providerHeader != null) {
                assertEquals(first.header(providerHeader), second.header(providerHeader), "provider's own signature");
            }

            assertThrows(WebhookVerificationException.class,
                    () -> verifier.verify(first.body().replace("entity_1", "entity_2"), lowerCase(first)));
            String otherSecret = admin.createWebhook(api, "{\"url\": \"" + receiver.url("/other") + "\", "
                    + fields.substring(1)).path("standardWebhooksSecret").asText();
            assertNotEquals(secret, otherSecret, "each webhook has its own secret");
            assertThrows(WebhookVerificationException.class,
                    () -> new Webhook(otherSecret).verify(first.body(), lowerCase(first)));
        }
    }

    private static JsonNode listed(String api, JsonNode record) {
        for (JsonNode listed : parse(admin.http().get("/__admin/" + api + "/webhooks", ADMIN).body())) {
            if (listed.path("id").equals(record.path("id"))) {
                return listed;
            }
        }
        throw new AssertionError("not listed: " + record);
    }

    /** The library looks headers up by their lower-case names; the JDK's server capitalises them. */
    private static Map<String, List<String>> lowerCase(Receiver.Received request) {
        Map<String, List<String>> headers = new HashMap<>();
        request.headers().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        return headers;
    }
}
