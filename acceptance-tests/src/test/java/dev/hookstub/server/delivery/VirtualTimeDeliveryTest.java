package dev.hookstub.server.delivery;

import static dev.hookstub.conformance.preset.Preset.EQUALSMONEY;
import static dev.hookstub.conformance.preset.Preset.MIJNKLANTPORTAAL;
import static dev.hookstub.conformance.preset.Preset.MOLLIE;
import static dev.hookstub.conformance.preset.Preset.PARTOO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.junit.DeliveryReceiver;
import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubExtension;
import dev.hookstub.junit.ReceivedDelivery;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Deliveries in the stub's time: with the clock frozen, each attempt happens exactly when the clock is advanced to
 * it, on the provider's documented schedule, and never before. The server runs with the default options, so each
 * API retries on its own schedule.
 */
class VirtualTimeDeliveryTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    /** Mollie's webhooks guide: the interval before each of the nine calls after the first. */
    private static final List<Duration> MOLLIE_WAITS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2),
            Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(29),
            Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(22));

    @RegisterExtension
    static final HookstubExtension stub = HookstubExtension.with(Hookstub.defaultConfig()).withoutRecords();

    @BeforeAll
    static void warmUp() {
        // One delivery first, so that the timed walk measures the walk, not the first use of the HTTP client.
        stub.hookstub().resetWithoutRecords();
        try (DeliveryReceiver warmUp = DeliveryReceiver.answering(204)) {
            stub.admin().createWebhook(MOLLIE, "{\"url\": \"" + warmUp.url("/warm-up") + "\"}");
            stub.admin().awaitDelivery(MOLLIE, stub.admin().fireEvent(MOLLIE, "payment-link.paid").get(0), "succeeded");
        }
    }

    @Test
    void aWholeMollieRetryScheduleIsWalkedWithTheClockInUnderASecond() throws Exception {
        try (DeliveryReceiver receiver = DeliveryReceiver.answering(500)) {
            stub.admin().createWebhook(MOLLIE, "{\"url\": \"" + receiver.url("/mollie") + "\"}");
            long start = System.nanoTime();
            setClock("{\"set\": \"" + T0 + "\"}");
            String id = stub.admin().fireEvent(MOLLIE, "payment-link.paid", "{\"id\": \"pl_1\"}").get(0);

            Instant expected = T0;
            JsonNode delivery = awaitAttempts(MOLLIE, id, 1);
            for (int attempt = 1; ; attempt++) {
                assertEquals(expected, Instant.parse(delivery.path("lastAttemptAt").asText()), "attempt " + attempt);
                ReceivedDelivery sent = receiver.awaitDeliveries(attempt).get(attempt - 1);
                assertEquals(Long.toString(expected.getEpochSecond()), sent.header("webhook-timestamp").orElse(null),
                        "attempt " + attempt);
                if (attempt == MOLLIE_WAITS.size() + 1) {
                    break;
                }
                Duration wait = MOLLIE_WAITS.get(attempt - 1);
                expected = expected.plus(wait);
                assertEquals("pending", delivery.path("status").asText());
                assertEquals(expected, Instant.parse(delivery.path("nextAttemptAt").asText()), "after " + attempt);
                setClock("{\"advanceSeconds\": " + wait.toSeconds() + "}");
                delivery = awaitAttempts(MOLLIE, id, attempt + 1);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("Mollie's whole retry schedule (10 attempts over 26 h of stub time) walked in "
                    + millis + " ms of wall time");

            assertEquals("failed", delivery.path("status").asText());
            assertEquals(10, delivery.path("attempts").asInt());
            assertEquals(10, delivery.path("maxAttempts").asInt());
            assertTrue(delivery.path("nextAttemptAt").isNull(), delivery.toString());
            assertEquals(T0.plus(Duration.ofHours(26)), Instant.parse(delivery.path("lastAttemptAt").asText()));
            assertEquals(T0, Instant.parse(delivery.path("createdAt").asText()));
            assertEquals(10, receiver.received().size());
            assertTrue(millis < 1_000, millis + " ms");
        }
    }

    @Test
    void nothingIsAttemptedBeforeItsTimeWhileTheClockIsFrozen() throws Exception {
        try (DeliveryReceiver receiver = DeliveryReceiver.answering(500)) {
            stub.admin().createWebhook(MOLLIE, "{\"url\": \"" + receiver.url("/early") + "\"}");
            setClock("{\"set\": \"" + T0 + "\"}");
            String id = stub.admin().fireEvent(MOLLIE, "payment-link.paid").get(0);
            awaitAttempts(MOLLIE, id, 1);
            setClock("{\"advance\": \"PT59S\"}");
            Thread.sleep(300);
            assertEquals(1, receiver.received().size(), "one second early");
            assertEquals(1, stub.admin().delivery(MOLLIE, id).path("attempts").asInt());
            setClock("{\"advance\": \"PT1S\"}");
            JsonNode second = awaitAttempts(MOLLIE, id, 2);
            assertEquals(T0.plusSeconds(60), Instant.parse(second.path("lastAttemptAt").asText()));
        }
    }

    @Test
    void advancingPastSeveralDeliveriesRunsEachThatBecameDueAndNoOther() throws Exception {
        try (DeliveryReceiver failing = DeliveryReceiver.answering(500)) {
            stub.admin().createWebhook(MOLLIE, "{\"url\": \"" + failing.url("/mollie") + "\"}");
            stub.admin().createWebhook(EQUALSMONEY, "{\"url\": \"" + failing.url("/equals") + "\", "
                    + "\"webhookEventTypeName\": \"OrderCreated\"}");
            setClock("{\"set\": \"" + T0 + "\"}");
            String mollie = stub.admin().fireEvent(MOLLIE, "payment-link.paid").get(0);
            String equals = stub.admin().fireEvent(EQUALSMONEY, "OrderCreated").get(0);
            awaitAttempts(MOLLIE, mollie, 1);
            awaitAttempts(EQUALSMONEY, equals, 1);
            // Mollie's next call is due after one minute, Equals Money's after five: a jump of ten runs both once.
            setClock("{\"advance\": \"PT10M\"}");
            JsonNode m = awaitAttempts(MOLLIE, mollie, 2);
            JsonNode e = awaitAttempts(EQUALSMONEY, equals, 2);
            Instant at = T0.plus(Duration.ofMinutes(10));
            assertEquals(at, Instant.parse(m.path("lastAttemptAt").asText()));
            assertEquals(at, Instant.parse(e.path("lastAttemptAt").asText()));
            assertEquals(at.plus(Duration.ofMinutes(2)), Instant.parse(m.path("nextAttemptAt").asText()));
            assertEquals(at.plus(Duration.ofMinutes(5)), Instant.parse(e.path("nextAttemptAt").asText()));
            Thread.sleep(200);
            assertEquals(4, failing.received().size());
        }
    }

    /** A provider makes no attempt for a webhook deleted since the event: the delivery fails, saying why. */
    @Test
    void aWebhookDeletedBetweenAttemptsGetsNoMoreAndItsDeliveryFailsSayingWhy() throws Exception {
        try (DeliveryReceiver failing = DeliveryReceiver.answering(500)) {
            JsonNode webhook = stub.admin().createWebhook(MOLLIE, "{\"url\": \"" + failing.url("/deleted") + "\"}");
            setClock("{\"set\": \"" + T0 + "\"}");
            String id = stub.admin().fireEvent(MOLLIE, "payment-link.paid").get(0);
            awaitAttempts(MOLLIE, id, 1);
            stub.admin().deleteWebhook(MOLLIE, webhook.path("id").asText());
            setClock("{\"advanceSeconds\": 60}");
            JsonNode failed = stub.admin().awaitDelivery(MOLLIE, id, "failed");
            assertTrue(failed.path("lastError").asText().contains("was deleted"), failed.toString());
            Thread.sleep(200);
            assertEquals(1, failing.received().size(), "nothing sent after the delete");
        }
    }

    @Test
    void aRetryAfterOn503Or429PutsTheNextAttemptThatFarAheadInStubTime() throws Exception {
        try (DeliveryReceiver receiver = DeliveryReceiver.answering(503).answeringWithHeader("Retry-After", "600")) {
            stub.admin().createWebhook(MOLLIE, "{\"url\": \"" + receiver.url("/busy") + "\"}");
            setClock("{\"set\": \"" + T0 + "\"}");
            String id = stub.admin().fireEvent(MOLLIE, "payment-link.paid").get(0);
            JsonNode first = awaitAttempts(MOLLIE, id, 1);
            assertEquals(503, first.path("lastResponseCode").asInt());
            assertEquals(T0.plusSeconds(600), Instant.parse(first.path("nextAttemptAt").asText()),
                    "ten minutes, not Mollie's one");
            setClock("{\"advanceSeconds\": 599}");
            Thread.sleep(200);
            assertEquals(1, receiver.received().size());

            String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    T0.plus(Duration.ofMinutes(25)).atOffset(ZoneOffset.UTC));
            receiver.answeringWithHeader("Retry-After", date);
            setClock("{\"advanceSeconds\": 1}");
            JsonNode second = awaitAttempts(MOLLIE, id, 2);
            assertEquals(T0.plus(Duration.ofMinutes(25)), Instant.parse(second.path("nextAttemptAt").asText()),
                    "an HTTP date, read against the stub's clock");

            receiver.answeringWithHeader("Retry-After", "86400");
            setClock("{\"set\": \"" + T0.plus(Duration.ofMinutes(25)) + "\"}");
            JsonNode third = awaitAttempts(MOLLIE, id, 3);
            assertEquals(T0.plus(Duration.ofMinutes(25)).plus(RetryPolicy.RETRY_AFTER_CAP),
                    Instant.parse(third.path("nextAttemptAt").asText()), "capped at an hour");
        }
        try (DeliveryReceiver limited = DeliveryReceiver.answering(429).answeringWithHeader("Retry-After", "120")) {
            stub.admin().createWebhook(EQUALSMONEY, "{\"url\": \"" + limited.url("/limited") + "\", "
                    + "\"webhookEventTypeName\": \"OrderCreated\"}");
            String id = stub.admin().fireEvent(EQUALSMONEY, "OrderCreated").get(0);
            JsonNode first = awaitAttempts(EQUALSMONEY, id, 1);
            Instant at = Instant.parse(first.path("lastAttemptAt").asText());
            assertEquals(at.plus(Duration.ofMinutes(5)), Instant.parse(first.path("nextAttemptAt").asText()),
                    "a shorter Retry-After never brings the schedule's attempt forward");
        }
    }

    @Test
    void eachApiRetriesOnItsProvidersSchedule() throws Exception {
        try (DeliveryReceiver failing = DeliveryReceiver.answering(500); DeliveryReceiver refusing = DeliveryReceiver.answering(400)) {
            stub.admin().createWebhook(EQUALSMONEY, "{\"url\": \"" + failing.url("/equals") + "\", "
                    + "\"webhookEventTypeName\": \"OrderCreated\"}");
            stub.admin().createWebhook(PARTOO, "{\"url\": \"" + failing.url("/partoo") + "\", "
                    + "\"event_type\": \"business_created\"}");
            stub.admin().createWebhook(PARTOO, "{\"url\": \"" + refusing.url("/partoo") + "\", "
                    + "\"event_type\": \"business_updated\"}");
            stub.admin().createWebhook(MIJNKLANTPORTAAL, "{\"url\": \"" + failing.url("/mkp") + "\", "
                    + "\"type\": \"invoice-paid\"}");
            setClock("{\"set\": \"" + T0 + "\"}");

            JsonNode equals = awaitAttempts(EQUALSMONEY, stub.admin().fireEvent(EQUALSMONEY, "OrderCreated").get(0),
                    1);
            assertEquals(1 + 14 * 24 * 12, equals.path("maxAttempts").asInt(), "every 5 minutes for two weeks");
            assertEquals(T0.plus(Duration.ofMinutes(5)), Instant.parse(equals.path("nextAttemptAt").asText()));

            JsonNode partoo5xx = awaitAttempts(PARTOO, stub.admin().fireEvent(PARTOO, "business_created").get(0), 1);
            assertEquals("pending", partoo5xx.path("status").asText());
            assertEquals(6, partoo5xx.path("maxAttempts").asInt(), "a 5xx is retried up to 5 times");
            JsonNode partoo4xx = awaitAttempts(PARTOO, stub.admin().fireEvent(PARTOO, "business_updated").get(0), 1);
            assertEquals("failed", partoo4xx.path("status").asText(), "a 4xx is not retried");
            assertEquals(400, partoo4xx.path("lastResponseCode").asInt());

            JsonNode mkp = awaitAttempts(MIJNKLANTPORTAAL,
                    stub.admin().fireEvent(MIJNKLANTPORTAAL, "invoice-paid").get(0), 1);
            assertEquals(1 + DeliveryOptions.DEFAULT_RETRIES, mkp.path("maxAttempts").asInt(),
                    "no documented schedule: the backoff");
            Duration wait = Duration.between(T0, Instant.parse(mkp.path("nextAttemptAt").asText()));
            assertTrue(wait.compareTo(DeliveryOptions.DEFAULT_RETRY_DELAY.dividedBy(2)) >= 0
                    && wait.compareTo(DeliveryOptions.DEFAULT_RETRY_DELAY) <= 0, wait.toString());
        }
    }

    @Test
    void aManualRetryWhileFrozenIsMadeAtOnceAtTheFrozenTime() throws Exception {
        try (DeliveryReceiver receiver = DeliveryReceiver.answering(500)) {
            stub.admin().createWebhook(MOLLIE, "{\"url\": \"" + receiver.url("/again") + "\"}");
            setClock("{\"set\": \"" + T0 + "\"}");
            String id = stub.admin().fireEvent(MOLLIE, "payment-link.paid").get(0);
            awaitAttempts(MOLLIE, id, 1);
            assertEquals(202, stub.adminHttp().post("/__admin/mollie/deliveries/" + id + "/retry", null).statusCode());
            JsonNode again = awaitAttempts(MOLLIE, id, 2);
            assertEquals(T0, Instant.parse(again.path("lastAttemptAt").asText()));
            assertEquals(T0.plus(Duration.ofMinutes(2)), Instant.parse(again.path("nextAttemptAt").asText()));
        }
    }

    private static void setClock(String json) {
        HttpResponse<String> changed = stub.adminHttp().post("/__admin/clock", json);
        assertEquals(200, changed.statusCode(), changed.body());
    }

    /** Waits (bounded, polling briskly) until the delivery has made this many attempts and is not mid-attempt. */
    private static JsonNode awaitAttempts(Preset api, String id, int attempts) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            JsonNode delivery = stub.admin().delivery(api, id);
            boolean settled = !"delivering".equals(delivery.path("status").asText());
            if (delivery.path("attempts").asInt() >= attempts && settled) {
                assertEquals(attempts, delivery.path("attempts").asInt(), delivery.toString());
                return delivery;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("delivery " + id + " never made " + attempts + " attempts: " + delivery);
            }
            Thread.sleep(1);
        }
    }
}
