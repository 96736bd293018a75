package dev.hookstub.server.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubHttp;
import dev.hookstub.server.store.PostgresServer;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The stub as users run it, on a shared PostgreSQL database: a record acknowledged with 201 by an instance that is
 * killed at once is there on the other; the password, given in the environment, appears nowhere in the output.
 */
@Timeout(120)
class SharedDatabaseKillTest {

    @Test
    void aRecordAcknowledgedBeforeKillMinus9IsServedByTheOtherInstance() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        String url = postgres.newDatabase();
        try (Hookstub other = Hookstub.start(Hookstub.defaultConfig().withDatabase(postgres.settings(url)));
             ChildProcessStub child = ChildProcessStub.startWithEnvironment(
                     java.util.Map.of("HOOKSTUB_DATABASE_PASSWORD", PostgresServer.PASSWORD),
                     "--database", url, "--database-user", PostgresServer.USER)) {
            HookstubHttp http = child.awaitHookstub().http();
            HttpResponse<String> created = http.post("/mijnklantportaal/v1/webhooks",
                    "{\"url\": \"https://example.com/k\", \"type\": \"invoice-paid\"}", "Authorization", "Bearer mkp_test_key");
            child.kill();
            assertEquals(201, created.statusCode(), created.body());
            String id = PersistenceAcrossRestartsTest.field(created.body(), "id");
            HttpResponse<String> read = other.http().get("/mijnklantportaal/v1/webhooks/" + id,
                    "Authorization", "Bearer mkp_test_key");
            assertEquals(200, read.statusCode(), read.body());
            assertEquals(created.body(), read.body());
            assertTrue(child.awaitExit(10_000));
            List<String> output = child.output();
            assertTrue(output.stream().anyMatch(line -> line.equals("Records are kept in PostgreSQL at " + url
                    + ", shared by every instance started on it.")), String.join("\n", output));
            output.forEach(line -> assertFalse(line.contains(PostgresServer.PASSWORD), "the password is printed: " + line));
        }
    }
}
