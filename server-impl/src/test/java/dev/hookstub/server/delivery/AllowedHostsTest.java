package dev.hookstub.server.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.server.ServerConfig;
import dev.hookstub.server.StubServer;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Deliveries go only to the hosts allowed; a refused one fails at once, without a connection or a retry. */
class AllowedHostsTest {

    @Test
    void aDeliveryToAHostNotAllowedFailsAtOnceWithTheReasonAndNothingIsSent() throws Exception {
        try (Receiver receiver = Receiver.answering(200);
             StubServer server = StubServer.start(ServerConfig.defaults().withPort(0).withDelivery(
                     DeliveryOptions.defaults().withRetries(3).withRetryDelay(Duration.ofMillis(20))
                             .withAllowedHosts(Set.of("127.0.0.1"))))) {
            AdminClient admin = new AdminClient(server);
            admin.clean();
            // The receiver listens on loopback: were the check missing, the delivery would arrive there.
            String blockedUrl = receiver.url("/hook").replace("127.0.0.1", "localhost");
            admin.createWebhook("partoo", "{\"url\": \"" + blockedUrl + "\", \"event_type\": \"lead_received\"}");
            JsonNode failed = admin.awaitStatus("partoo", admin.fire("partoo", "lead_received", null).get(0), "failed");
            assertEquals(1, failed.get("attempts").asInt(), failed.toString());
            assertTrue(failed.get("lastError").asText().contains("--delivery-allowed-hosts"), failed.toString());
            assertEquals(0, receiver.received().size());

            admin.createWebhook("partoo", "{\"url\": \"" + receiver.url("/hook") + "\", \"event_type\": \"message_updated\"}");
            admin.awaitStatus("partoo", admin.fire("partoo", "message_updated", null).get(0), "succeeded");
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
    }
}
