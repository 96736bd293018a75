package dev.hookstub.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.server.ServerConfig;
import dev.hookstub.server.StubHttp;
import dev.hookstub.server.StubServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code POST /__admin/reset} on one instance of a shared database resets what steers every other instance too:
 * its fault rules, its request journal and its clock, as well as the records and deliveries they share.
 */
@Timeout(60)
class SharedResetTest {

    private static final String[] ADMIN = {"Authorization", "Bearer admin_test_key"};
    private static final String[] MKP = {"Authorization", "Bearer mkp_test_key"};
    private static final String READ = "/mijnklantportaal/v1/webhooks/wbh_abc12345def678";

    @Test
    void aResetThroughOneInstanceForgetsTheFaultsJournalAndClockOfTheOther() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        ServerConfig config = ServerConfig.defaults().withPort(0).withDatabase(postgres.settings(postgres.newDatabase()));
        try (StubServer a = StubServer.start(config); StubServer b = StubServer.start(config)) {
            StubHttp viaA = new StubHttp(a.baseUri());
            StubHttp viaB = new StubHttp(b.baseUri());
            assertEquals(201, viaB.post("/__admin/mijnklantportaal/faults", "{\"status\": 503}", ADMIN).statusCode());
            assertEquals(200, viaB.post("/__admin/clock", "{\"set\": \"2030-01-01T00:00:00Z\"}", ADMIN).statusCode());
            assertEquals(503, viaB.get(READ, MKP).statusCode(), "the fault rule answers on b");
            assertEquals(200, viaA.get(READ, MKP).statusCode(), "a has no rule of its own");
            assertTrue(journalHolds(viaB, 1));

            assertEquals(204, viaA.post("/__admin/reset", null, ADMIN).statusCode());

            await(() -> viaB.get("/__admin/mijnklantportaal/faults", ADMIN).body().strip().equals("[]"),
                    "b's fault rules to be forgotten: " + viaB.get("/__admin/mijnklantportaal/faults", ADMIN).body());
            await(() -> viaB.get("/__admin/clock", ADMIN).body().contains("\"mode\":\"real\""),
                    "b's clock to run in real time again: " + viaB.get("/__admin/clock", ADMIN).body());
            await(() -> journalHolds(viaB, 0), "b's journal to be empty");
            assertEquals(200, viaB.get(READ, MKP).statusCode());
        }
    }

    private static boolean journalHolds(StubHttp http, int total) {
        HttpResponse<String> listed = http.get("/__admin/mijnklantportaal/requests", ADMIN);
        return listed.statusCode() == 200 && listed.body().contains("\"total\":" + total);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 5 s for " + what);
            }
            Thread.sleep(20);
        }
    }
}
