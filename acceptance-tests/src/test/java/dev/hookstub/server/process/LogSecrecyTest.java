package dev.hookstub.server.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.junit.HookstubHttp;
import dev.hookstub.server.store.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's whole output carries no credential and no webhook secret, whatever the requests sent and received. */
class LogSecrecyTest {

    @TempDir
    Path dir;

    @Test
    void noCredentialOrSecretAppearsInTheLogsOfARun() throws Exception {
        List<String> secrets = new ArrayList<>(List.of("mkp_Zq8sEcReT", "eq_Wx4sEcReT", "pt_Kj2sEcReT",
                "access_Mo9sEcReT", "adm_Tk7sEcReT", "shared_Hv5sEcReT", "Basic QmFzaWNTZWNyZXQ=", "wrong_Gu3sEcReT"));
        Path credentials = Files.writeString(dir.resolve("credentials.yaml"), """
                mijnklantportaal:
                  - key: mkp_Zq8sEcReT
                    tenant: acme
                equalsmoney:
                  - key: eq_Wx4sEcReT
                    accountId: F50091
                    scopes: [webhooks:read:any]
                partoo:
                  - key: pt_Kj2sEcReT
                    role: ORG_ADMIN
                    orgId: 1
                mollie:
                  - token: access_Mo9sEcReT
                    kind: ORGANIZATION_TOKEN
                    scopes: [webhooks.read]
                    profileId: pfl_test
                adminToken: adm_Tk7sEcReT
                """);
        try (ChildProcessStub stub = ChildProcessStub.start("--credentials", credentials.toString(),
                "--data-dir", dir.resolve("data").toString())) {
            HookstubHttp http = stub.awaitHookstub().http();
            String created = http.post("/mijnklantportaal/v1/webhooks",
                    "{\"url\": \"https://example.com/s\", \"type\": \"invoice-paid\"}",
                    "Authorization", "Bearer mkp_Zq8sEcReT").body();
            secrets.add(PersistenceAcrossRestartsTest.field(created, "secret"));
            assertEquals(201, http.post("/__admin/equalsmoney/webhooks", """
                    {"url": "https://example.com/e", "webhookEventTypeName": "OrderCreated",
                     "sharedSecret": "shared_Hv5sEcReT", "authorizationHeader": "Basic QmFzaWNTZWNyZXQ="}
                    """, "Authorization", "Bearer adm_Tk7sEcReT").statusCode());
            http.get("/equalsmoney/v2/webhooks/da91434a-4026-42ea-84b8-d0317b64af9c", "Authorization", "eq_Wx4sEcReT");
            http.get("/partoo/v2/webhooks/1", "x-APIKey", "pt_Kj2sEcReT");
            http.get("/partoo/v2/webhooks/1", "x-APIKey", "wrong_Gu3sEcReT");
            http.get("/mollie/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=true", "Authorization", "Bearer access_Mo9sEcReT");
            http.post("/mijnklantportaal/v1/webhooks", "{\"url\": ", "Authorization", "Bearer mkp_Zq8sEcReT");
            stub.terminate();
            assertTrue(stub.awaitExit(10_000));
            List<String> output = stub.output();
            assertFalse(output.isEmpty(), "the run printed nothing at all");
            for (String line : output) {
                for (String secret : secrets) {
                    assertFalse(line.contains(secret), "log line reveals a secret: " + line);
                }
            }
            assertTrue(output.stream().anyMatch(line -> line.contains("not printed")), String.join("\n", output));
        }
    }

    @Test
    void theDatabasePasswordAppearsNowhereInTheLogsOfARun() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        String url = postgres.newDatabase();
        // On the command line, the worst place for it: the stub must still never echo it.
        try (ChildProcessStub stub = ChildProcessStub.start("--database", url, "--database-user", PostgresServer.USER,
                "--database-password", PostgresServer.PASSWORD)) {
            HookstubHttp http = stub.awaitHookstub().http();
            assertEquals(201, http.post("/mijnklantportaal/v1/webhooks",
                    "{\"url\": \"https://example.com/s\", \"type\": \"invoice-paid\"}",
                    "Authorization", "Bearer mkp_test_key").statusCode());
            assertEquals(200, http.get("/health").statusCode());
            stub.terminate();
            assertTrue(stub.awaitExit(10_000));
            List<String> output = stub.output();
            assertTrue(output.stream().anyMatch(line -> line.contains(url)), String.join("\n", output));
            for (String line : output) {
                assertFalse(line.contains(PostgresServer.PASSWORD), "log line reveals the database password: " + line);
            }
        }
    }
}
