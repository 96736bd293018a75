package dev.hookstub.server.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.server.StubHttp;
import dev.hookstub.server.StubServer;
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

    private static final String API = "mijnklantportaal";

    @Test
    void theOtherInstanceDeliversWhatAKilledInstanceHeld() throws Exception {
        SharedLogDatabase database = new SharedLogDatabase();
        // The first attempt never gets an answer: it is in flight when its instance dies.
        try (Receiver receiver = Receiver.answering(Receiver.HANG, 200);
             ChildProcessStub holder = database.startChild("--delivery-timeout-ms", "3000")) {
            StubHttp viaHolder = new StubHttp(holder.awaitStarted());
            HttpResponse<String> created = viaHolder.post("/__admin/" + API + "/webhooks",
                    "{\"url\": \"" + receiver.url("/held") + "\", \"type\": \"invoice-paid\"}", AdminClient.ADMIN);
            assertEquals(201, created.statusCode(), created.body());
            String webhookId = AdminClient.parse(created.body()).get("id").asText();
            HttpResponse<String> fired = viaHolder.post("/__admin/" + API + "/events",
                    "{\"type\": \"invoice-paid\", \"webhookId\": \"" + webhookId + "\"}", AdminClient.ADMIN);
            assertEquals(202, fired.statusCode(), fired.body());
            String deliveryId = AdminClient.parse(fired.body()).get("deliveryIds").get(0).asText();
            Receiver.Received first = receiver.await(1).get(0);
            assertEquals(deliveryId, first.header("webhook-id"));
            assertEquals(holder.pid() + "/", leaseOwner(database, deliveryId).replaceAll("/.*", "/"),
                    "the child holds the attempt");

            try (StubServer other = StubServer.start(database.config())) {
                AdminClient viaOther = new AdminClient(other);
                assertEquals("delivering", viaOther.delivery(API, deliveryId).get("status").asText(),
                        "a live lease is left alone");
                holder.kill();
                assertTrue(holder.awaitExit(10_000));

                List<Receiver.Received> both = awaitRequests(receiver, 2);
                assertEquals(deliveryId, both.get(1).header("webhook-id"), "the same delivery, sent again");
                assertEquals(first.body(), both.get(1).body());
                JsonNode delivered = viaOther.awaitStatus(API, deliveryId, "succeeded", Duration.ofSeconds(15));
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
    private static List<Receiver.Received> awaitRequests(Receiver receiver, int count) {
        Receiver.awaitTrue(() -> receiver.received().size() >= count, Duration.ofSeconds(30),
                () -> "receiver got " + receiver.received().size() + " of " + count + " requests");
        return receiver.received();
    }

}
