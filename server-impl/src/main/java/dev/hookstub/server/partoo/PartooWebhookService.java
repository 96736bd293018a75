package dev.hookstub.server.partoo;

import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.store.WebhookStore;
import java.math.BigInteger;

/** Partoo's access rule: a webhook of another organisation than the caller's (or the one it names) is a 403. */
final class PartooWebhookService {

    private final WebhookStore<PartooWebhookRecord> store;

    PartooWebhookService(WebhookStore<PartooWebhookRecord> store) {
        this.store = store;
    }

    /** Ids and org ids are unbounded integers, as the spec declares them; no record has one beyond 64 bits. */
    PartooWebhookRecord get(PartooUser user, BigInteger webhookId, BigInteger orgId) {
        if (!user.isProvider() && orgId != null && !orgId.equals(BigInteger.valueOf(user.orgId()))) {
            throw ApiProblem.forbidden("Operation not allowed");
        }
        PartooWebhookRecord record = store.find(webhookId.toString())
                .orElseThrow(() -> ApiProblem.notFound("Resource not found"));
        BigInteger reachable = user.isProvider() && orgId != null ? orgId : BigInteger.valueOf(
                user.isProvider() ? record.orgId() : user.orgId());
        if (!reachable.equals(BigInteger.valueOf(record.orgId()))) {
            throw ApiProblem.forbidden("Operation not allowed");
        }
        return record;
    }
}
