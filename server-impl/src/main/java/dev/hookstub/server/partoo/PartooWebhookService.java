package dev.hookstub.server.partoo;

import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.store.WebhookStore;

/** Partoo's access rule: a webhook of another organisation than the caller's (or the one it names) is a 403. */
final class PartooWebhookService {

    private final WebhookStore<PartooWebhookRecord> store;

    PartooWebhookService(WebhookStore<PartooWebhookRecord> store) {
        this.store = store;
    }

    PartooWebhookRecord get(PartooUser user, long webhookId, Long orgId) {
        if (!user.isProvider() && orgId != null && orgId != user.orgId()) {
            throw ApiProblem.forbidden("Operation not allowed");
        }
        PartooWebhookRecord record = store.find(Long.toString(webhookId))
                .orElseThrow(() -> ApiProblem.notFound("Resource not found"));
        long reachable = user.isProvider() ? (orgId == null ? record.orgId() : orgId) : user.orgId();
        if (record.orgId() != reachable) {
            throw ApiProblem.forbidden("Operation not allowed");
        }
        return record;
    }
}
