package dev.hookstub.server.mollie;

import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.store.WebhookStore;

/** Mollie's modes: a test-mode webhook is found only with {@code testmode=true}, a live one only without it. */
final class MollieWebhookService {

    private final WebhookStore<MollieWebhookRecord> store;

    MollieWebhookService(WebhookStore<MollieWebhookRecord> store) {
        this.store = store;
    }

    MollieWebhookRecord get(String webhookId, boolean testmode) {
        return store.find(webhookId)
                .filter(record -> record.isTestMode() == testmode)
                .orElseThrow(() -> ApiProblem.notFound("No webhook exists with token " + webhookId + "."));
    }
}
