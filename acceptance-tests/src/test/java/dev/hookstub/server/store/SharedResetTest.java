package dev.hookstub.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubHttp;
import dev.hookstub.server.ServerConfig;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code POST /__admin/reset} on one instance of a shared database resets what steers every other instance too:
 * its fault rules, its request journal and its clock, as well as the records and deliveries they share; also when
 * the other's listening connection was lost as the reset committed.
 */
@Timeout(60)
class SharedResetTest {

    private static final String[] MKP = {"Authorization", "Bearer mkp_test_key"};
    private static final String READ = "/mijnklantportaal/v1/webhooks/wbh_abc12345def678";

    @Test
    void aResetThroughOneInstanceForgetsTheFaultsJournalAndClockOfTheOther() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        ServerConfig config = Hookstub.defaultConfig().withDatabase(postgres.settings(postgres.newDatabase()));
        try (Hookstub a = Hookstub.start(config); Hookstub b = Hookstub.start(config)) {
            HookstubHttp viaA = a.http();
            HookstubHttp viaB = b.http();
            HookstubHttp adminA = a.adminHttp();
            HookstubHttp adminB = b.adminHttp();
            assertEquals(201, adminB.post("/__admin/mijnklantportaal/faults", "{\"status\": 503}").statusCode());
            assertEquals(200, adminB.post("/__admin/clock", "{\"set\": \"2030-01-01T00:00:00Z\"}").statusCode());
            assertEquals(503, viaB.get(READ, MKP).statusCode(), "the fault rule answers on b");
            assertEquals(200, viaA.get(READ, MKP).statusCode(), "a has no rule of its own");
            assertTrue(journalHolds(adminB, 1));

            assertEquals(204, adminA.post("/__admin/reset", null).statusCode());

            await(() -> adminB.get("/__admin/mijnklantportaal/faults").body().strip().equals("[]"),
                    "b's fault rules to be forgotten: " + adminB.get("/__admin/mijnklantportaal/faults").body());
            await(() -> adminB.get("/__admin/clock").body().contains("\"mode\":\"real\""),
                    "b's clock to run in real time again: " + adminB.get("/__admin/clock").body());
            await(() -> journalHolds(adminB, 0), "b's journal to be empty");
            assertEquals(200, viaB.get(READ, MKP).statusCode());
        }
    }

    @Test
    void aResetMadeWhileTheOtherInstanceWasNotListeningIsHeardWhenItListensAgain() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        String url = postgres.newDatabase();
        ServerConfig config = Hookstub.defaultConfig().withDatabase(postgres.settings(url));
        try (Hookstub a = Hookstub.start(config); Hookstub b = Hookstub.start(config);
             Connection watcher = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD)) {
            HookstubHttp viaA = a.http();
            HookstubHttp viaB = b.http();
            HookstubHttp adminA = a.adminHttp();
            HookstubHttp adminB = b.adminHttp();
            assertEquals(201, adminB.post("/__admin/mijnklantportaal/faults", "{\"status\": 503}").statusCode());
            assertEquals(503, viaB.get(READ, MKP).statusCode(), "the fault rule answers on b");
            assertTrue(journalHolds(adminB, 1));
            await(() -> listeners(watcher) == 2, "both instances to listen: " + listeners(watcher));

            // Each instance waits a second before it listens again: the reset commits, and its notice goes, meanwhile.
            assertEquals(2, dropListeners(watcher), "both listening connections dropped");
            assertEquals(204, adminA.post("/__admin/reset", null).statusCode());
            // A's listener missed only its own reset: what is set on a after it must stay when a listens again.
            assertEquals(201, adminA.post("/__admin/mijnklantportaal/faults", "{\"status\": 503}").statusCode());

            await(() -> adminB.get("/__admin/mijnklantportaal/faults").body().strip().equals("[]"),
                    "b's fault rules to be forgotten: " + adminB.get("/__admin/mijnklantportaal/faults").body());
            await(() -> journalHolds(adminB, 0), "b's journal to be empty");
            assertEquals(200, viaB.get(READ, MKP).statusCode());
            await(() -> listeners(watcher) == 2, "both instances to listen again: " + listeners(watcher));
            assertEquals(503, viaA.get(READ, MKP).statusCode(), "a keeps the rule set after its own reset");
        }
    }

    /** The instances' listening connections, as pg_stat_activity shows them: idle after their LISTEN. */
    private static int listeners(Connection watcher) {
        return count(watcher, "count(*)");
    }

    /** Ends the listening connections, as an outage or a DBA would; how many were ended. */
    private static int dropListeners(Connection watcher) {
        return count(watcher, "count(*) FILTER (WHERE pg_terminate_backend(pid))");
    }

    private static int count(Connection watcher, String what) {
        try (Statement statement = watcher.createStatement();
             ResultSet rows = statement.executeQuery("SELECT " + what + " FROM pg_stat_activity"
                     + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND query ILIKE 'LISTEN%'")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean journalHolds(HookstubHttp admin, int total) {
        HttpResponse<String> listed = admin.get("/__admin/mijnklantportaal/requests");
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
