package dev.hookstub.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubHttp;
import dev.hookstub.server.ServerConfig;
import dev.hookstub.server.config.ConfigException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A database that goes away and comes back: meanwhile a clear 503 in each API's own error format, quickly, on the
 * fast path and through Jersey alike; after, answers again without a restart. And a database that is not there, or
 * will not let the stub in, at start: one line naming it.
 */
@Timeout(120)
class DatabaseOutageTest {

    private static final String MKP = "Bearer mkp_test_key";

    private static PostgresServer postgres;
    private static String url;

    @BeforeAll
    static void start() {
        // A server of its own: this test stops it.
        postgres = PostgresServer.start();
        url = postgres.newDatabase();
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void whileTheDatabaseIsDownRequestsGet503InTheApisFormatAndTheStubRecoversByItself() {
        try (Hookstub fast = Hookstub.start(config());
             Hookstub jersey = Hookstub.start(config().withFastPath(false))) {
            HookstubHttp fastHttp = fast.http();
            HookstubHttp jerseyHttp = jersey.http();
            String record = "/mijnklantportaal/v1/webhooks/wbh_abc12345def678";
            assertEquals(200, fastHttp.get(record, "Authorization", MKP).statusCode());
            assertEquals(200, jerseyHttp.get(record, "Authorization", MKP).statusCode());

            postgres.pause();
            for (HookstubHttp http : new HookstubHttp[] {fastHttp, jerseyHttp}) {
                long started = System.nanoTime();
                HttpResponse<String> read = http.get(record, "Authorization", MKP);
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertEquals(503, read.statusCode(), read.body());
                assertTrue(millis < 5_000, "the 503 took " + millis + " ms");
                assertEquals("1", read.headers().firstValue("Retry-After").orElse(null));
                // MijnKlantportaal's Error_ApiError, as every other refusal of that API is written.
                assertEquals("{\"message\":\"The stub could not read its store. Try again.\"}", read.body());
                assertFalse(read.body().contains("Exception"), read.body());
                // Each wait is the pool's connection timeout, so a few requests say it all: a create on the fast path,
                // another API and the admin API through Jersey.
                if (http == fastHttp) {
                    HttpResponse<String> create = http.post("/mijnklantportaal/v1/webhooks",
                            "{\"url\": \"https://example.com/o\", \"type\": \"invoice-paid\"}", "Authorization", MKP);
                    assertEquals(503, create.statusCode(), create.body());
                    assertEquals("{\"message\":\"The stub could not store the change; nothing was changed. Try again.\"}",
                            create.body());
                } else {
                    HttpResponse<String> partoo = http.get("/partoo/v2/webhooks/1", "x-APIKey", "partoo_test_key");
                    assertEquals(503, partoo.statusCode(), partoo.body());
                    HttpResponse<String> admin = http.get("/__admin/mollie/webhooks", "Authorization",
                            "Bearer admin_test_key");
                    assertEquals(503, admin.statusCode(), admin.body());
                    assertTrue(admin.body().startsWith("{\"message\":"), admin.body());
                }
                HttpResponse<String> health = http.get("/health");
                assertEquals(503, health.statusCode());
                assertEquals("{\"status\":\"DOWN\",\"store\":\"postgresql\",\"database\":\"unreachable\"}", health.body());
            }

            postgres.resume();
            for (HookstubHttp http : new HookstubHttp[] {fastHttp, jerseyHttp}) {
                HttpResponse<String> read = awaitAnswer(http, record);
                assertEquals(200, read.statusCode(), read.body());
                assertEquals("{\"status\":\"UP\",\"store\":\"postgresql\",\"database\":\"ok\"}", http.get("/health").body());
                assertEquals(201, http.post("/mijnklantportaal/v1/webhooks",
                        "{\"url\": \"https://example.com/o\", \"type\": \"invoice-paid\"}", "Authorization", MKP)
                        .statusCode());
            }
        }
    }

    @Test
    void aClosedPortFailsTheStartWithOneLineNamingTheDatabase() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String nowhere = "jdbc:postgresql://127.0.0.1:" + closed + "/nowhere";
        long started = System.nanoTime();
        ConfigException refused = assertThrows(ConfigException.class, () -> Hookstub.start(Hookstub.defaultConfig()
                .withDatabase(new PostgresSettings(nowhere, PostgresServer.USER, PostgresServer.PASSWORD))));
        assertTrue((System.nanoTime() - started) / 1_000_000 < 5_000, "the refusal took too long");
        assertTrue(refused.getMessage().startsWith(nowhere + ": cannot connect to the database ("), refused.getMessage());
        assertEquals(1, refused.getMessage().lines().count());
        assertFalse(refused.getMessage().contains(PostgresServer.PASSWORD));
    }

    @Test
    void aWrongPasswordFailsTheStartWithOneLineWithoutThePassword() {
        ConfigException refused = assertThrows(ConfigException.class, () -> Hookstub.start(Hookstub.defaultConfig()
                .withDatabase(new PostgresSettings(url + "?ApplicationName=x", PostgresServer.USER,
                        "wrong_Pw1sEcReT"))));
        assertTrue(refused.getMessage().startsWith(url + ": cannot connect to the database ("), refused.getMessage());
        assertTrue(refused.getMessage().contains("password authentication failed"), refused.getMessage());
        assertEquals(1, refused.getMessage().lines().count());
        assertFalse(refused.getMessage().contains("wrong_Pw1sEcReT"));
    }

    private static ServerConfig config() {
        return Hookstub.defaultConfig().withDatabase(postgres.settings(url));
    }

    /** The pool reconnects on its own; give it the few seconds a restarted server takes to accept logins. */
    private static HttpResponse<String> awaitAnswer(HookstubHttp http, String path) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        HttpResponse<String> response;
        do {
            response = http.get(path, "Authorization", MKP);
        } while (response.statusCode() == 503 && System.nanoTime() < deadline);
        return response;
    }
}
