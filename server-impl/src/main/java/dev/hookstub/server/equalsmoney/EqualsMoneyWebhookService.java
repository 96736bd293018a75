package dev.hookstub.server.equalsmoney;

import dev.hookstub.server.auth.Credentials.EqualsMoneyKey;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.record.SpecRecord;
import dev.hookstub.server.store.WebhookStore;

/**
 * Equals Money's scopes: {@code webhooks:read:own} reads the key's own account's webhooks,
 * {@code webhooks:read:any} every account's, narrowed by {@code accountId} when given.
 */
final class EqualsMoneyWebhookService {

    static final String READ_OWN = "webhooks:read:own";
    static final String READ_ANY = "webhooks:read:any";

    private final WebhookStore<SpecRecord> store;

    EqualsMoneyWebhookService(WebhookStore<SpecRecord> store) {
        this.store = store;
    }

    SpecRecord get(EqualsMoneyKey caller, String webhookId, String accountId) {
        boolean any = caller.scopes().contains(READ_ANY);
        if (!any && !caller.scopes().contains(READ_OWN)) {
            throw ApiProblem.forbidden("Forbidden: this API key lacks the scope " + READ_OWN + " or " + READ_ANY + ".");
        }
        if (!any && accountId != null && !accountId.equals(caller.accountId())) {
            throw ApiProblem.forbidden("Forbidden: this API key may only read webhooks of its own account.");
        }
        String account = any ? accountId : caller.accountId();
        return store.find(webhookId.toLowerCase(java.util.Locale.ROOT))
                .filter(record -> account == null || account.equals(record.text("accountId")))
                .orElseThrow(() -> ApiProblem.notFound("Webhook " + webhookId + " not found."));
    }
}
