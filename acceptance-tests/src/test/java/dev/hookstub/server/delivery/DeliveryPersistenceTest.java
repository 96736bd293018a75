package dev.hookstub.server.delivery;

import static dev.hookstub.conformance.preset.Preset.MIJNKLANTPORTAAL;
import static dev.hookstub.junit.HookstubHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.junit.DeliveryReceiver;
import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.ReceivedDelivery;
import dev.hookstub.junit.Waits;
import dev.hookstub.server.ServerConfig;
import java.io.UncheckedIOException;
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
        int port = Hookstub.freePort();
        // A long backoff: after the first refused attempt, nothing more happens before the restart.
        ServerConfig config = Hookstub.defaultConfig().withDataDir(dataDir).withDelivery(
                DeliveryOptions.defaults().withRetries(5).withRetryDelay(Duration.ofMinutes(10)));
        String id;
        String secret;
        try (Hookstub stub = Hookstub.start(config)) {
            stub.resetWithoutRecords();
            secret = stub.admin().createWebhook(MIJNKLANTPORTAAL, "{\"url\": \"http://127.0.0.1:" + port + "/later\","
                    + " \"type\": \"subscription-created\"}").get("secret").asText();
            id = stub.admin().fireEvent(MIJNKLANTPORTAAL, "subscription-created", "{\"plan\": \"gold\"}").get(0);
            Waits.until(() -> stub.admin().delivery(MIJNKLANTPORTAAL, id).get("attempts").asInt() == 1,
                    Duration.ofSeconds(10), () -> "the first attempt");
            JsonNode waiting = stub.admin().delivery(MIJNKLANTPORTAAL, id);
            assertEquals("pending", waiting.get("status").asText(), waiting.toString());
            assertEquals("connection refused", waiting.get("lastError").asText());
        }

        try (DeliveryReceiver receiver = listenOn(port); Hookstub stub = Hookstub.start(config)) {
            ReceivedDelivery request = receiver.awaitDeliveries(1).get(0);
            assertEquals(id, request.header("webhook-id").orElse(null));
            assertEquals(Signatures.hmacSha256Hex(secret, request.body()), request.header("X-Webhook-Signature").orElse(null));
            assertEquals("gold", json(request.body()).at("/data/plan").asText());
            JsonNode delivered = stub.admin().awaitDelivery(MIJNKLANTPORTAAL, id, "succeeded");
            assertEquals(2, delivered.get("attempts").asInt(), delivered.toString());
        }
    }

    /** The port was free a moment ago; another process may have taken it since, so try a few times. */
    private static DeliveryReceiver listenOn(int port) throws Exception {
        for (int tries = 0; ; tries++) {
            try {
                return DeliveryReceiver.on(port, 200);
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof BindException) || tries == 20) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
