package dev.hookstub.server.delivery;

import static dev.hookstub.conformance.preset.Preset.MIJNKLANTPORTAAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.junit.DeliveryReceiver;
import dev.hookstub.junit.Hookstub;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A receiver that never answers holds delivery workers, never the API's request threads. */
class HangingReceiverTest {

    private static final int WEBHOOKS = 12;
    private static final int REQUESTS = 400;
    private static final String[] MKP = {"Authorization", "Bearer mkp_test_key"};

    @Test
    void apiCallsStayFastWhileDeliveriesHangAndCloseStillStopsWithinItsBudget() throws Exception {
        // The default ten-second timeout: every worker stays stuck for the whole measurement.
        Hookstub stub = Hookstub.start(Hookstub.defaultConfig());
        boolean closed = false;
        try (DeliveryReceiver receiver = DeliveryReceiver.answering(DeliveryReceiver.NEVER_ANSWERS)) {
            stub.resetWithoutRecords();
            String readable = null;
            for (int i = 0; i < WEBHOOKS; i++) {
                readable = stub.admin().createWebhook(MIJNKLANTPORTAAL, "{\"url\": \"" + receiver.url("/hang/" + i)
                        + "\", \"type\": \"invoice-paid\"}").get("id").asText();
            }
            List<String> ids = stub.admin().fireEvent(MIJNKLANTPORTAAL, "invoice-paid", "{\"invoice\": 1}");
            assertEquals(WEBHOOKS, ids.size());
            receiver.awaitDeliveries(DeliveryOptions.DEFAULT_WORKERS);

            String path = "/mijnklantportaal/v1/webhooks/" + readable;
            for (int i = 0; i < 50; i++) {
                stub.http().get(path, MKP);
            }
            long[] micros = new long[REQUESTS];
            for (int i = 0; i < REQUESTS; i++) {
                long start = System.nanoTime();
                HttpResponse<String> read = stub.http().get(path, MKP);
                micros[i] = (System.nanoTime() - start) / 1_000;
                assertEquals(200, read.statusCode());
            }
            long triggerStart = System.nanoTime();
            stub.admin().fireEvent(MIJNKLANTPORTAAL, "invoice-paid");
            long triggerMicros = (System.nanoTime() - triggerStart) / 1_000;

            JsonNode log = stub.admin().deliveries(MIJNKLANTPORTAAL, Map.of("status", "delivering"));
            assertEquals(DeliveryOptions.DEFAULT_WORKERS, log.size(), "deliveries in flight: " + log);
            Arrays.sort(micros);
            long p50 = micros[REQUESTS / 2];
            long p99 = micros[REQUESTS * 99 / 100];
            System.out.printf("API GET latency with %d deliveries hanging (%d queued behind them): "
                            + "p50 %.2f ms, p99 %.2f ms, max %.2f ms; trigger of %d more: %.2f ms%n",
                    DeliveryOptions.DEFAULT_WORKERS, WEBHOOKS - DeliveryOptions.DEFAULT_WORKERS, p50 / 1000.0,
                    p99 / 1000.0, micros[REQUESTS - 1] / 1000.0, WEBHOOKS, triggerMicros / 1000.0);
            assertTrue(p99 < 100_000, "p99 " + p99 + " µs");

            long closeStart = System.nanoTime();
            stub.close();
            closed = true;
            long closeMillis = (System.nanoTime() - closeStart) / 1_000_000;
            System.out.println("close() with deliveries hanging took " + closeMillis + " ms");
            assertTrue(closeMillis < 2_000, closeMillis + " ms");
        } finally {
            if (!closed) {
                stub.close();
            }
        }
    }
}
