package dev.hookstub.server.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.server.ServerConfig;
import dev.hookstub.server.StubServer;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a data folder, a delivery still pending when the stub stops is sent after the next start. */
class DeliveryPersistenceTest {

    @TempDir
    Path dataDir;

    @Test
    void aPendingDeliverySurvivesARestartAndReachesTheReceiverOnceItIsUp() throws Exception {
        int port = Receiver.freePort();
        // A long backoff: after the first refused attempt, nothing more happens before the restart.
        ServerConfig config = ServerConfig.defaults().withPort(0).withDataDir(dataDir).withDelivery(
                DeliveryOptions.defaults().withRetries(5).withRetryDelay(Duration.ofMinutes(10)));
        String id;
        String secret;
        try (StubServer first = StubServer.start(config)) {
            AdminClient admin = new AdminClient(first);
            admin.clean();
            secret = admin.createWebhook("mijnklantportaal", "{\"url\": \"http://127.0.0.1:" + port + "/later\","
                    + " \"type\": \"subscription-created\"}").get("secret").asText();
            id = admin.fire("mijnklantportaal", "subscription-created", "{\"plan\": \"gold\"}").get(0);
            Receiver.awaitTrue(() -> admin.delivery("mijnklantportaal", id).get("attempts").asInt() == 1,
                    Duration.ofSeconds(10), () -> "the first attempt");
            JsonNode waiting = admin.delivery("mijnklantportaal", id);
            assertEquals("pending", waiting.get("status").asText(), waiting.toString());
            assertEquals("connection refused", waiting.get("lastError").asText());
        }

        try (Receiver receiver = listenOn(port); StubServer second = StubServer.start(config)) {
            AdminClient admin = new AdminClient(second);
            Receiver.Received request = receiver.await(1).get(0);
            assertEquals(id, request.header("webhook-id"));
            assertEquals(Signatures.hmacSha256Hex(secret, request.body()), request.header("X-Webhook-Signature"));
            assertEquals("gold", AdminClient.parse(request.body()).at("/data/plan").asText());
            JsonNode delivered = admin.awaitStatus("mijnklantportaal", id, "succeeded");
            assertEquals(2, delivered.get("attempts").asInt(), delivered.toString());
        }
    }

    /** The port was free a moment ago; another process may have taken it since, so try a few times. */
    private static Receiver listenOn(int port) throws Exception {
        for (int tries = 0; ; tries++) {
            try {
                return Receiver.on(port, 200);
            } catch (BindException e) {
                if (tries == 20) {
                    throw e;
                }
                Thread.sleep(100);
            } catch (IOException e) {
                throw e;
            }
        }
    }
}
