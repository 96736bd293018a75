package dev.hookstub.server.mollie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubExtension;
import dev.hookstub.server.config.ConfigException;
import dev.hookstub.server.config.Fixtures;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subscriptions hold only the event types Mollie's spec documents (plus {@code *}), as Mollie's SDKs parse them,
 * and events are only of those types; the spec's own schema example ({@code profile.create}) is not one.
 */
class MollieEventTypesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final HookstubExtension stub = HookstubExtension.with(Hookstub.defaultConfig());

    @Test
    void aSubscriptionToAnUndocumentedTypeIs400NamingEventTypesAndCreatesNothing() throws Exception {
        int before = records().size();
        Map<String, String> fieldOf = Map.of("[\"profile.create\"]", "eventTypes.0",
                "[\"payment-link.paid\", \"profile.blocked\"]", "eventTypes.1", "[\"payment.paid\"]", "eventTypes.0",
                "[\"\"]", "eventTypes.0");
        for (Map.Entry<String, String> types : fieldOf.entrySet()) {
            HttpResponse<String> refused = stub.adminHttp().post("/__admin/mollie/webhooks",
                    "{\"url\": \"https://example.com/m\", \"eventTypes\": " + types.getKey() + "}");
            assertEquals(400, refused.statusCode(), refused.body());
            JsonNode error = JSON.readTree(refused.body());
            assertEquals(types.getValue(), error.path("field").asText(), refused.body());
            assertTrue(error.path("message").asText().contains(types.getValue()), refused.body());
        }
        assertEquals(before, records().size());
    }

    @Test
    void everyDocumentedTypeAndTheWildcardAreAccepted() throws Exception {
        HttpResponse<String> created = stub.adminHttp().post("/__admin/mollie/webhooks", "{\"url\": \"https://example.com/m\","
                + " \"eventTypes\": [\"payment-link.paid\", \"balance-transaction.created\", \"sales-invoice.created\","
                + " \"sales-invoice.issued\", \"sales-invoice.canceled\", \"sales-invoice.paid\", \"*\"]}");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(7, JSON.readTree(created.body()).path("eventTypes").size());
    }

    @Test
    void anEventOfAnUndocumentedTypeIs400NamingTypeAndDeliversNothing() throws Exception {
        for (String type : new String[] {"profile.create", "*", "payment.paid"}) {
            HttpResponse<String> refused = stub.adminHttp().post("/__admin/mollie/events", "{\"type\": \"" + type + "\"}");
            assertEquals(400, refused.statusCode(), refused.body());
            assertEquals("type", JSON.readTree(refused.body()).path("field").asText(), refused.body());
        }
        assertEquals(0, JSON.readTree(stub.adminHttp().get("/__admin/mollie/deliveries").body()).size());
        HttpResponse<String> accepted = stub.adminHttp().post("/__admin/mollie/events", "{\"type\": \"sales-invoice.paid\"}");
        assertEquals(202, accepted.statusCode(), accepted.body());
    }

    @Test
    void aFixtureSubscribingToAnUndocumentedTypeStopsTheStartNamingTheField(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("mollie.json"),
                "[{\"url\": \"https://example.com/m\", \"eventTypes\": [\"profile.create\"]}]");
        ConfigException refused = assertThrows(ConfigException.class, () -> Hookstub.start(Hookstub.defaultConfig()
                .withFixtures(Fixtures.read(folder, Set.of("mollie")))).close());
        assertTrue(refused.getMessage().contains("field eventTypes.0"), refused.getMessage());
    }

    private static JsonNode records() throws Exception {
        HttpResponse<String> list = stub.adminHttp().get("/__admin/mollie/webhooks");
        assertEquals(200, list.statusCode(), list.body());
        return JSON.readTree(list.body());
    }
}
