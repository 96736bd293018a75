package dev.hookstub.server.mollie;

import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.record.SpecRecord;
import dev.hookstub.server.store.WebhookStore;

/** Mollie's modes: a test-mode webhook is found only with {@code testmode=true}, a live one only without it. */
final class MollieWebhookService {

    private final WebhookStore<SpecRecord> store;

    MollieWebhookService(WebhookStore<SpecRecord> store) {
        this.store = store;
    }

    SpecRecord get(String webhookId, boolean testmode) {
        return store.find(webhookId)
                .filter(record -> "test".equals(record.text("mode")) == testmode)
                .orElseThrow(() -> ApiProblem.notFound("No webhook exists with token " + webhookId + "."));
    }
}
