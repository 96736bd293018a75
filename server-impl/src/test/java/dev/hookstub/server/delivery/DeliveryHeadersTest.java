package dev.hookstub.server.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Custom headers add to a delivery and never replace the stub's own. Partoo's schema already refuses such names
 * (keys must start with {@code X-}, not {@code X-Partoo}), so this is checked below the admin API.
 */
class DeliveryHeadersTest {

    @Test
    void customHeadersCannotOverrideTheProvidersOrTheStubsHeaders() {
        PlannedDelivery planned = new PlannedDelivery("dlv_1", "7", "http://127.0.0.1:1/h", "{}",
                Map.of("X-Signature", "real"),
                Map.of("content-type", "text/plain", "WEBHOOK-ID", "forged", "user-agent", "evil",
                        "x-signature", "forged", "Host", "evil.example", "X-Auth-Token", "kept",
                        "Webhook-Signature", "v1,forged"),
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw4pDl3pgR0bQ=");
        Delivery delivery = Delivery.planned("partoo", planned, "lead_received", 1, Instant.EPOCH);

        Map<String, String> sent = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sent.putAll(DeliveryHeaders.forAttempt(delivery, Instant.ofEpochSecond(1_700_000_000)));

        assertEquals("application/json", sent.get("Content-Type"));
        assertEquals("dlv_1", sent.get("webhook-id"));
        assertEquals("1700000000", sent.get("webhook-timestamp"));
        assertEquals(DeliveryHeaders.USER_AGENT, sent.get("User-Agent"));
        assertEquals("real", sent.get("X-Signature"));
        assertEquals("kept", sent.get("X-Auth-Token"));
        assertFalse(sent.containsKey("Host"));
        assertEquals(StandardWebhooks.signature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw4pDl3pgR0bQ=", "dlv_1",
                "1700000000", "{}"), sent.get("webhook-signature"));
        assertEquals(7, sent.size(), sent.toString());
    }

    @Test
    void backoffDoublesWithJitterBetweenHalfAndAllOfEachStep() {
        DeliveryOptions options = DeliveryOptions.defaults().withRetryDelay(Duration.ofMillis(1000));
        for (int i = 0; i < 50; i++) {
            long first = options.delayAfter(1).toMillis();
            long third = options.delayAfter(3).toMillis();
            assertTrue(first >= 500 && first <= 1000, "first " + first);
            assertTrue(third >= 2000 && third <= 4000, "third " + third);
        }
        assertTrue(options.delayAfter(60).toMillis() <= Duration.ofHours(1).toMillis());
    }
}
