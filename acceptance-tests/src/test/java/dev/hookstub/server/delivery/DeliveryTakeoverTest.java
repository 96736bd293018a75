package dev.hookstub.server.delivery;

import static dev.hookstub.junit.HookstubHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.junit.DeliveryReceiver;
import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.ReceivedDelivery;
import dev.hookstub.junit.Waits;
import dev.hookstub.server.process.ChildProcessStub;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code kill -9} of the instance holding a delivery attempt, on a shared PostgreSQL database: once its lease runs
 * out, the other instance sends the same delivery, with the same {@code webhook-id}, and records it.
 */
@Timeout(120)
class DeliveryTakeoverTest {

    private static final Preset API = Preset.MIJNKLANTPORTAAL;

    @Test
    void theOtherInstanceDeliversWhatAKilledInstanceHeld() throws Exception {
        SharedLogDatabase database = new SharedLogDatabase();
        // The first attempt never gets an answer: it is in flight when its instance dies.
        try (DeliveryReceiver receiver = DeliveryReceiver.answering(DeliveryReceiver.NEVER_ANSWERS, 200);
             ChildProcessStub holder = database.startChild("--delivery-timeout-ms", "3000")) {
            Hookstub viaHolder = Hookstub.at(holder.awaitStarted().toString(), "admin_test_key");
            HttpResponse<String> created = viaHolder.adminHttp().post("/__admin/" + API.id() + "/webhooks",
                    "{\"url\": \"" + receiver.url("/held") + "\", \"type\": \"invoice-paid\"}");
            assertEquals(201, created.statusCode(), created.body());
            String webhookId = json(created.body()).get("id").asText();
            HttpResponse<String> fired = viaHolder.adminHttp().post("/__admin/" + API.id() + "/events",
                    "{\"type\": \"invoice-paid\", \"webhookId\": \"" + webhookId + "\"}");
            assertEquals(202, fired.statusCode(), fired.body());
            String deliveryId = json(fired.body()).get("deliveryIds").get(0).asText();
            ReceivedDelivery first = receiver.awaitDeliveries(1).get(0);
            assertEquals(deliveryId, first.header("webhook-id").orElse(null));
            assertEquals(holder.pid() + "/", leaseOwner(database, deliveryId).replaceAll("/.*", "/"),
                    "the child holds the attempt");

            try (Hookstub other = Hookstub.start(database.config())) {
                assertEquals("delivering", other.admin().delivery(API, deliveryId).get("status").asText(),
                        "a live lease is left alone");
                holder.kill();
                assertTrue(holder.awaitExit(10_000));

                List<ReceivedDelivery> both = awaitRequests(receiver, 2);
                assertEquals(deliveryId, both.get(1).header("webhook-id").orElse(null), "the same delivery, sent again");
                assertEquals(first.body(), both.get(1).body());
                JsonNode delivered = other.admin().awaitDelivery(API, deliveryId, "succeeded", Duration.ofSeconds(15));
                assertEquals(200, delivered.get("lastResponseCode").asInt(), delivered.toString());
                assertEquals(2, receiver.received().size(), "sent once more, not again and again");
            }
        }
    }

    private static String leaseOwner(SharedLogDatabase database, String deliveryId) throws Exception {
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT lease_owner FROM deliveries WHERE id = '" + deliveryId + "'")) {
            assertTrue(row.next(), "the delivery is in the shared log");
            return String.valueOf(row.getString(1));
        }
    }

    /** The lease (3 s timeout + 2 s) must run out first, so this waits longer than the receiver's own await. */
    private static List<ReceivedDelivery> awaitRequests(DeliveryReceiver receiver, int count) {
        Waits.until(() -> receiver.received().size() >= count, Duration.ofSeconds(30),
                () -> "receiver got " + receiver.received().size() + " of " + count + " requests");
        return receiver.received();
    }

}
