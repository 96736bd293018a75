package dev.hookstub.server.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.junit.DeliveryReceiver;
import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubAdmin;
import dev.hookstub.junit.Waits;
import dev.hookstub.server.ServerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two instances on one PostgreSQL database share one delivery log: every attempt is made by one of them only, a
 * delivery either queued is seen and retried through the other, and a webhook that answered 410 to one instance's
 * attempt gets nothing more from the other.
 */
@Timeout(120)
class SharedDeliveriesTest {

    private static final Preset API = Preset.MIJNKLANTPORTAAL;

    @Test
    void eachDeliveryReachesTheReceiverOnceThoughBothInstancesReachForIt() throws Exception {
        ServerConfig config = new SharedLogDatabase().config();
        // A receiver that takes its time, so that deliveries queue up on the instance that fired them and the
        // other instance's poll finds them pending: both reach for the same rows.
        try (DeliveryReceiver receiver = DeliveryReceiver.answering(200).slowly(Duration.ofMillis(15));
             Hookstub a = Hookstub.start(config); Hookstub b = Hookstub.start(config)) {
            HookstubAdmin viaA = a.admin();
            HookstubAdmin viaB = b.admin();
            a.resetWithoutRecords();
            for (int i = 0; i < 3; i++) {
                viaA.createWebhook(API, "{\"url\": \"" + receiver.url("/hook" + i) + "\", \"type\": \"invoice-paid\"}");
            }
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ids.addAll((i % 2 == 0 ? viaA : viaB).fireEvent(API, "invoice-paid", "{\"n\": " + i + "}"));
            }
            assertEquals(120, ids.size());
            for (String id : ids) {
                awaitStatus(viaB, id, "succeeded");
            }

            Map<String, Integer> attemptsPerId = new HashMap<>();
            receiver.received().forEach(r -> attemptsPerId.merge(r.header("webhook-id").orElse(null), 1, Integer::sum));
            assertEquals(new HashSet<>(ids), attemptsPerId.keySet());
            attemptsPerId.forEach((id, count) -> assertEquals(1, count, id + " was received " + count + " times"));
            for (String id : ids) {
                assertEquals(1, viaA.delivery(API, id).get("attempts").asInt());
            }
            assertEquals(viaA.deliveries(API).toString(), viaB.deliveries(API).toString());
        }
    }

    @Test
    void aRetryThroughOneInstanceAndAGoneWebhookHoldOnTheOther() throws Exception {
        ServerConfig config = new SharedLogDatabase().config()
                .withDelivery(DeliveryOptions.defaults().withRetries(0));
        try (DeliveryReceiver failing = DeliveryReceiver.answering(500, 200); DeliveryReceiver leaving = DeliveryReceiver.answering(410);
             Hookstub a = Hookstub.start(config); Hookstub b = Hookstub.start(config)) {
            HookstubAdmin viaA = a.admin();
            HookstubAdmin viaB = b.admin();
            a.resetWithoutRecords();
            viaA.createWebhook(API, "{\"url\": \"" + failing.url("/f") + "\", \"type\": \"invoice-paid\"}");
            viaA.createWebhook(API, "{\"url\": \"" + leaving.url("/g") + "\", \"type\": \"invoice-paid\"}");

            List<String> first = viaA.fireEvent(API, "invoice-paid");
            assertEquals(2, first.size());
            Set<String> statuses = new HashSet<>();
            for (String id : first) {
                JsonNode done = awaitFinished(viaB, id);
                statuses.add(done.get("status").asText());
            }
            assertEquals(Set.of("failed", "gone"), statuses);

            String failed = first.stream().filter(id -> viaB.delivery(API, id).get("status").asText()
                    .equals("failed")).findFirst().orElseThrow();
            assertEquals(202, b.adminHttp().post("/__admin/" + API.id() + "/deliveries/" + failed + "/retry", null)
                    .statusCode());
            JsonNode retried = awaitStatus(viaA, failed, "succeeded");
            assertEquals(2, retried.get("attempts").asInt(), retried.toString());

            // The webhook that answered 410 to one instance gets nothing from an event fired through the other.
            List<String> second = viaB.fireEvent(API, "invoice-paid");
            assertEquals(1, second.size(), "only the webhook still there: " + second);
            awaitStatus(viaA, second.get(0), "succeeded");
            assertEquals(1, leaving.received().size());
        }
    }

    @Test
    void advancingOneInstancesClockMakesThatInstanceAttemptWhatFellDue() throws Exception {
        // A retry ten minutes after the first failure: nothing more happens in real time while the test runs.
        ServerConfig config = new SharedLogDatabase().config()
                .withDelivery(DeliveryOptions.defaults().withRetries(1).withRetryDelay(Duration.ofMinutes(10)));
        try (DeliveryReceiver receiver = DeliveryReceiver.answering(500, 200);
             Hookstub a = Hookstub.start(config); Hookstub b = Hookstub.start(config)) {
            HookstubAdmin viaA = a.admin();
            HookstubAdmin viaB = b.admin();
            a.resetWithoutRecords();
            viaA.createWebhook(API, "{\"url\": \"" + receiver.url("/later") + "\", \"type\": \"invoice-paid\"}");
            String id = viaA.fireEvent(API, "invoice-paid").get(0);
            Waits.until(() -> viaB.delivery(API, id).get("attempts").asInt() == 1, Duration.ofSeconds(10),
                    () -> "the first attempt");
            assertEquals("pending", viaB.delivery(API, id).get("status").asText());

            assertEquals(200, b.adminHttp().post("/__admin/clock", "{\"advance\": \"PT20M\"}").statusCode());
            JsonNode delivered = awaitStatus(viaA, id, "succeeded");
            assertEquals(2, delivered.get("attempts").asInt(), delivered.toString());
            assertEquals(2, receiver.received().size());
        }
    }

    private static JsonNode awaitStatus(HookstubAdmin admin, String id, String status) {
        return admin.awaitDelivery(API, id, status, Duration.ofSeconds(30));
    }

    private static JsonNode awaitFinished(HookstubAdmin admin, String id) {
        JsonNode[] last = new JsonNode[1];
        Waits.until(() -> Set.of("failed", "gone", "succeeded")
                        .contains((last[0] = admin.delivery(API, id)).path("status").asText()),
                Duration.ofSeconds(30), () -> "delivery " + id + " to finish: " + last[0]);
        assertTrue(last[0].has("status"));
        return last[0];
    }
}
