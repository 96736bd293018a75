package dev.hookstub.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.conformance.preset.Preset;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * One test class, run against the stub and against a sandbox (here a second stub, holding a record the first has
 * not) by configuration alone: {@code -Dhookstub.upstream.partoo=URL} makes {@link HookstubTest}'s stub a validating
 * proxy for Partoo, {@code -Dhookstub.credential.partoo=KEY} the credential the handle gives.
 */
class ProxyModeTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Run by the test kit below, once against the stub and once against the sandbox. */
    @HookstubTest
    static class ReadsPartooWebhook42 {
        static int expectedStatus;

        @Test
        void readsItAndFindsTheRequestJournaled(Hookstub hookstub) throws Exception {
            HttpResponse<String> read = send(HttpRequest.newBuilder(URI.create(hookstub.serverUrl(Preset.PARTOO)
                    + "/webhooks/42")).header("x-APIKey", hookstub.credential(Preset.PARTOO)));
            assertEquals(expectedStatus, read.statusCode(), read.body());
            JsonNode entry = hookstub.admin().requests(Preset.PARTOO, Map.of()).path("requests").path(0);
            assertEquals(expectedStatus, entry.path("status").asInt());
            // Checked against the spec when forwarded (nothing broke it), not checked when the stub answered.
            assertEquals(hookstub.forwards(Preset.PARTOO), entry.path("violations").isArray(), entry.toString());
            assertEquals(0, entry.path("violations").size(), entry.toString());
        }
    }

    @Test
    void theSameClassRunsAgainstTheStubOrASandboxBySystemProperties() throws Exception {
        try (Hookstub sandbox = Hookstub.start(Hookstub.defaultConfig())) {
            HttpResponse<String> created = sandbox.adminHttp().post("/__admin/partoo/webhooks",
                    "{\"id\":42,\"url\":\"https://example.com/sandbox\",\"event_type\":\"lead_received\"}");
            assertEquals(201, created.statusCode(), created.body());

            ReadsPartooWebhook42.expectedStatus = 404;
            runKit();
            try {
                System.setProperty("hookstub.upstream.partoo", sandbox.baseUri() + "/partoo/v2");
                System.setProperty("hookstub.credential.partoo", "partoo_test_key");
                ReadsPartooWebhook42.expectedStatus = 200;
                runKit();
            } finally {
                System.clearProperty("hookstub.upstream.partoo");
                System.clearProperty("hookstub.credential.partoo");
            }
            HttpResponse<String> reached = sandbox.adminHttp().get("/__admin/partoo/requests?limit=1");
            assertTrue(reached.body().contains("\"path\":\"/partoo/v2/webhooks/42\""), reached.body());
        }
    }

    private static void runKit() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(ReadsPartooWebhook42.class)).execute()
                .testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
    }
}
