package dev.hookstub.server.delivery;

import static dev.hookstub.conformance.preset.Preset.PARTOO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.junit.DeliveryReceiver;
import dev.hookstub.junit.Hookstub;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Deliveries go only to the hosts allowed; a refused one fails at once, without a connection or a retry. */
class AllowedHostsTest {

    @Test
    void aDeliveryToAHostNotAllowedFailsAtOnceWithTheReasonAndNothingIsSent() throws Exception {
        try (DeliveryReceiver receiver = DeliveryReceiver.answering(200);
             Hookstub stub = Hookstub.start(Hookstub.defaultConfig().withDelivery(
                     DeliveryOptions.defaults().withRetries(3).withRetryDelay(Duration.ofMillis(20))
                             .withAllowedHosts(Set.of("127.0.0.1"))))) {
            stub.resetWithoutRecords();
            // The receiver listens on loopback: were the check missing, the delivery would arrive there.
            String blockedUrl = receiver.url("/hook").replace("127.0.0.1", "localhost");
            stub.admin().createWebhook(PARTOO, "{\"url\": \"" + blockedUrl + "\", \"event_type\": \"lead_received\"}");
            JsonNode failed = stub.admin().awaitDelivery(PARTOO, stub.admin().fireEvent(PARTOO, "lead_received").get(0), "failed");
            assertEquals(1, failed.get("attempts").asInt(), failed.toString());
            assertTrue(failed.get("lastError").asText().contains("--delivery-allowed-hosts"), failed.toString());
            assertEquals(0, receiver.received().size());

            stub.admin().createWebhook(PARTOO, "{\"url\": \"" + receiver.url("/hook") + "\", \"event_type\": \"message_updated\"}");
            stub.admin().awaitDelivery(PARTOO, stub.admin().fireEvent(PARTOO, "message_updated").get(0), "succeeded");
            assertEquals(1, receiver.received().size());
        }
    }

    @Test
    void byDefaultOnlyLoopbackHostsAreAllowed() {
        DeliveryOptions defaults = DeliveryOptions.defaults();
        assertTrue(defaults.allows(java.net.URI.create("http://127.0.0.1:9/x")));
        assertTrue(defaults.allows(java.net.URI.create("http://localhost:9/x")));
        assertTrue(defaults.allows(java.net.URI.create("http://[::1]:9/x")));
        assertTrue(!defaults.allows(java.net.URI.create("https://mollie.com/")));
        assertTrue(DeliveryOptions.defaults().withAllowedHosts(Set.of()).allows(java.net.URI.create("https://mollie.com/")));
        // As the command line's default names it: the address, without the URI's brackets.
        assertTrue(defaults.withAllowedHosts(Set.of("::1")).allows(java.net.URI.create("http://[::1]:9/x")));
    }

    @Test
    void aDeliveryToAPortBeyond65535FailsAtOnceSayingSo() throws Exception {
        try (Hookstub stub = Hookstub.start(Hookstub.defaultConfig().withDelivery(
                DeliveryOptions.defaults().withRetries(3).withRetryDelay(Duration.ofMillis(20))))) {
            stub.resetWithoutRecords();
            stub.admin().createWebhook(PARTOO, "{\"url\": \"http://127.0.0.1:99999/hook\", \"event_type\": \"lead_received\"}");
            JsonNode failed = stub.admin().awaitDelivery(PARTOO, stub.admin().fireEvent(PARTOO, "lead_received").get(0), "failed");
            assertEquals(1, failed.get("attempts").asInt(), failed.toString());
            assertEquals("the port of http://127.0.0.1:99999/hook is out of range (at most 65535)",
                    failed.get("lastError").asText(), failed.toString());
        }
    }
}
