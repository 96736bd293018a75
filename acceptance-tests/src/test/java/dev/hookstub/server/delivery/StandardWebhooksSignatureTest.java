package dev.hookstub.server.delivery;

import static dev.hookstub.junit.HookstubHttp.json;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.junit.DeliveryReceiver;
import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubExtension;
import dev.hookstub.junit.ReceivedDelivery;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every API's deliveries carry a Standard Webhooks {@code webhook-signature} that the reference library
 * ({@code com.standardwebhooks:standardwebhooks}, {@code Webhook(secret).verify(payload, headers)}) accepts with the
 * secret the admin API shows for the record, on the first attempt and on a retry, which has its own timestamp but
 * the same id; the provider's own signature header stays as it was.
 */
class StandardWebhooksSignatureTest {

    @RegisterExtension
    static final HookstubExtension stub = HookstubExtension.with(Hookstub.defaultConfig()).withoutRecords();

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
        Preset preset = Preset.named(api).orElseThrow();
        try (DeliveryReceiver receiver = DeliveryReceiver.answering(200)) {
            JsonNode record = stub.admin().createWebhook(preset, "{\"url\": \"" + receiver.url("/" + api) + "\", "
                    + fields.substring(1));
            String secret = record.path("standardWebhooksSecret").asText();
            assertTrue(secret.matches("whsec_[A-Za-z0-9+/]{43}="), record.toString());
            assertEquals(secret, listed(api, record).path("standardWebhooksSecret").asText(), "the same when listed");

            String id = stub.admin().fireEvent(preset, type, "{\"id\": \"entity_1\"}").get(0);
            ReceivedDelivery first = receiver.awaitDeliveries(1).get(0);
            stub.admin().awaitDelivery(preset, id, "succeeded");
            // The timestamp is in seconds: the retry must come in a later one.
            Thread.sleep(1100);
            HttpResponse<String> retried = stub.adminHttp().post("/__admin/" + api + "/deliveries/" + id + "/retry",
                    null);
            assertEquals(202, retried.statusCode(), retried.body());
            ReceivedDelivery second = receiver.awaitDeliveries(2).get(1);

            Webhook verifier = new Webhook(secret);
            for (ReceivedDelivery attempt : List.of(first, second)) {
                assertEquals(id, attempt.header("webhook-id").orElse(null));
                assertTrue(attempt.header("webhook-signature").orElse(null).startsWith("v1,"), attempt.header("webhook-signature").orElse(null));
                assertDoesNotThrow(() -> verifier.verify(attempt.body(), lowerCase(attempt)));
            }
            assertEquals(first.body(), second.body());
            assertNotEquals(first.header("webhook-timestamp").orElse(null), second.header("webhook-timestamp").orElse(null));
            assertNotEquals(first.header("webhook-signature").orElse(null), second.header("webhook-signature").orElse(null));
            if (providerHeader != null) {
                assertEquals(first.header(providerHeader).orElse(null), second.header(providerHeader).orElse(null), "provider's own signature");
            }

            assertThrows(WebhookVerificationException.class,
                    () -> verifier.verify(first.body().replace("entity_1", "entity_2"), lowerCase(first)));
            String otherSecret = stub.admin().createWebhook(preset, "{\"url\": \"" + receiver.url("/other") + "\", "
                    + fields.substring(1)).path("standardWebhooksSecret").asText();
            assertNotEquals(secret, otherSecret, "each webhook has its own secret");
            assertThrows(WebhookVerificationException.class,
                    () -> new Webhook(otherSecret).verify(first.body(), lowerCase(first)));
        }
    }

    private static JsonNode listed(String api, JsonNode record) {
        for (JsonNode listed : json(stub.adminHttp().get("/__admin/" + api + "/webhooks").body())) {
            if (listed.path("id").equals(record.path("id"))) {
                return listed;
            }
        }
        throw new AssertionError("not listed: " + record);
    }

    /** The library looks headers up by their lower-case names; the JDK's server capitalises them. */
    private static Map<String, List<String>> lowerCase(ReceivedDelivery request) {
        Map<String, List<String>> headers = new HashMap<>();
        request.headers().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        return headers;
    }
}
