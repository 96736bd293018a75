package dev.hookstub.server.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.junit.HookstubHttp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With --data-dir, what was acknowledged is there after a crash and after a normal restart. */
class PersistenceAcrossRestartsTest {

    private static final String[] MKP = {"Authorization", "Bearer mkp_test_key"};

    @TempDir
    Path dataDir;

    @Test
    void aRecordAcknowledgedWith201SurvivesKillMinus9RightAfterTheAnswer() throws Exception {
        List<String> created = new ArrayList<>();
        try (ChildProcessStub stub = ChildProcessStub.start("--data-dir", dataDir.toString())) {
            HookstubHttp http = stub.awaitHookstub().http();
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> response = http.post("/mijnklantportaal/v1/webhooks",
                        "{\"url\": \"https://example.com/crash/" + i + "\", \"type\": \"invoice-paid\"}", MKP);
                assertEquals(201, response.statusCode(), response.body());
                created.add(response.body());
            }
            stub.kill();
            assertTrue(stub.awaitExit(10_000));
        }
        try (ChildProcessStub restarted = ChildProcessStub.start("--data-dir", dataDir.toString())) {
            HookstubHttp http = restarted.awaitHookstub().http();
            for (String body : created) {
                String id = field(body, "id");
                HttpResponse<String> read = http.get("/mijnklantportaal/v1/webhooks/" + id, MKP);
                assertEquals(200, read.statusCode(), id);
                assertEquals(body, read.body());
            }
        }
    }

    @Test
    void aNormalRestartKeepsCreatesAndDeletesAndDoesNotSeedAgain() throws Exception {
        String partooId;
        try (ChildProcessStub stub = ChildProcessStub.start("--data-dir", dataDir.toString())) {
            HookstubHttp admin = stub.awaitHookstub().adminHttp();
            partooId = field(admin.post("/__admin/partoo/webhooks",
                    "{\"url\": \"https://example.com/p\", \"event_type\": \"lead_received\"}").body(), "id");
            assertEquals(204, admin.delete("/__admin/mollie/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH").statusCode());
            stub.terminate();
            assertTrue(stub.awaitExit(10_000));
        }
        try (ChildProcessStub restarted = ChildProcessStub.start("--data-dir", dataDir.toString())) {
            HookstubHttp http = restarted.awaitHookstub().http();
            assertEquals(200, http.get("/partoo/v2/webhooks/" + partooId, "x-APIKey", "partoo_test_key").statusCode());
            assertEquals(404, http.get("/mollie/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=true",
                    "Authorization", "Bearer access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM").statusCode());
            assertEquals(200, http.get("/equalsmoney/v2/webhooks/da91434a-4026-42ea-84b8-d0317b64af9c",
                    "Authorization", "equals_test_key").statusCode());
        }
    }

    static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":") + name.length() + 3;
        if (json.charAt(at) == '"') {
            return json.substring(at + 1, json.indexOf('"', at + 1));
        }
        int end = at;
        while (end < json.length() && Character.isDigit(json.charAt(end))) {
            end++;
        }
        return json.substring(at, end);
    }
}
