package dev.hookstub.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.server.StubServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A registered extension starts the stub it is given, and its handle's parts are at hand from the field. */
class HookstubExtensionRegisteredTest {

    @RegisterExtension
    static final HookstubExtension stub = HookstubExtension.with(Hookstub.defaultConfig().withFastPath(false))
            .withoutRecords();

    @Test
    void theStubIsStartedWithTheGivenConfigurationAndResetWithoutRecords() {
        assertEquals(0, stub.admin().webhooks(Preset.PARTOO).size(), "no fixture: each test starts without records");
        HttpResponse<String> missing = stub.http().get("/partoo/v2/webhooks/1", "x-APIKey", "partoo_test_key");
        assertEquals(404, missing.statusCode(), missing.body());
        assertEquals(0, stub.server().fastPathServed("partoo"), "every request went through Jersey");
        assertEquals(401, stub.http().get("/__admin/partoo/webhooks").statusCode());
        assertEquals(200, stub.adminHttp().get("/__admin/partoo/webhooks").statusCode());
    }

    @Test
    void theReceiverAnswersItsScriptInTurnAndTheLastOneForEver() {
        stub.admin().createWebhook(Preset.MIJNKLANTPORTAAL, Map.of("url", stub.receiver().url("/mkp"),
                "type", "invoice-paid"));
        stub.receiver().answerWith(500, 503, 200);
        String id = stub.admin().fireEvent(Preset.MIJNKLANTPORTAAL, "invoice-paid").get(0);
        assertEquals(3, stub.admin().awaitDelivery(Preset.MIJNKLANTPORTAAL, id, "succeeded", Duration.ofSeconds(30))
                .path("attempts").asInt());
        List<ReceivedDelivery> received = stub.receiver().awaitDeliveries(3);
        assertEquals(3, received.size());
        assertTrue(received.stream().allMatch(delivery -> delivery.webhookId().equals(id)));
    }

    @Test
    void aStubReachedOverTheNetworkCannotBeLookedInto() {
        Hookstub elsewhere = Hookstub.at(stub.hookstub().baseUrl(), "admin_test_key");
        assertEquals(0, elsewhere.admin().webhooks(Preset.MOLLIE).size());
        assertThrows(IllegalStateException.class, elsewhere::server);
    }

    private static StubServer startedForTheClass;

    @BeforeAll
    static void rememberTheStub() {
        startedForTheClass = stub.server();
    }

    @Nested
    class InANestedClass {

        @Test
        void theOuterClasssStubIsUsedAndResetToo() {
            assertSame(startedForTheClass, stub.server());
            assertEquals(0, stub.admin().webhooks(Preset.MOLLIE).size());
        }
    }
}
