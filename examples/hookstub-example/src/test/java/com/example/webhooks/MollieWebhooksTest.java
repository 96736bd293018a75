package com.example.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubTest;
import dev.hookstub.junit.ReceivedDelivery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@HookstubTest
class MollieWebhooksTest {

    @Test
    void readsTheSubscriptionWithTheGeneratedClient(Hookstub hookstub) throws Exception {
        MollieWebhooks webhooks = new MollieWebhooks(hookstub.serverUrl(Preset.MOLLIE), hookstub.credential(Preset.MOLLIE));

        assertEquals("https://mollie.com", webhooks.urlOf("hook_B2EyhTH5N4KWUnoYPcgiH", true));
        assertNull(webhooks.urlOf("hook_doesNotExist1234567", true));
    }

    @Test
    void verifiesTheSignatureOfADelivery(Hookstub hookstub) {
        hookstub.admin().createWebhook(Preset.MOLLIE, Map.of(
                "url", hookstub.receiver().url("/mollie-events"),
                "eventTypes", List.of("payment-link.paid"),
                "signingSecret", "whsec-example-0123456789abcdef"));

        hookstub.admin().fireEvent(Preset.MOLLIE, "payment-link.paid", Map.of("id", "pl_4Y0eZitmBnQ6IDoMqZQKh"));

        ReceivedDelivery delivery = hookstub.receiver().awaitDeliveries(1, Duration.ofSeconds(10)).get(0);
        String signature = delivery.header("X-Mollie-Signature").orElseThrow();
        assertTrue(MollieWebhooks.signedByMollie(delivery.body(), signature, "whsec-example-0123456789abcdef"));
        assertEquals("payment-link.paid", delivery.json().path("type").asText());
    }
}
