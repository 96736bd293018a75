package dev.hookstub.server.partoo;

import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.record.SpecRecord;
import dev.hookstub.server.store.WebhookStore;
import java.math.BigInteger;

/** Partoo's access rule: a webhook of another organisation than the caller's (or the one it names) is a 403. */
final class PartooWebhookService {

    private final WebhookStore<SpecRecord> store;

    PartooWebhookService(WebhookStore<SpecRecord> store) {
        this.store = store;
    }

    /** Ids and org ids are unbounded integers, as the spec declares them; no record has one beyond 64 bits. */
    SpecRecord get(PartooUser user, BigInteger webhookId, BigInteger orgId) {
        if (user.isProvider() && orgId == null) {
            // The spec's org_id: "Organization identifier, only required for PROVIDER users". Its read declares no
            // 400: refused as what the PROVIDER may not do, in the 403 it declares.
            throw ApiProblem.forbidden("A PROVIDER user must name the organisation: org_id is required.");
        }
        if (!user.isProvider() && orgId != null && !orgId.equals(BigInteger.valueOf(user.orgId()))) {
            throw ApiProblem.forbidden("Operation not allowed");
        }
        SpecRecord record = store.find(webhookId.toString())
                .orElseThrow(() -> ApiProblem.notFound("Resource not found"));
        long recordOrg = record.json("org_id").asLong();
        BigInteger reachable = user.isProvider() ? orgId : BigInteger.valueOf(user.orgId());
        if (!reachable.equals(BigInteger.valueOf(recordOrg))) {
            throw ApiProblem.forbidden("Operation not allowed");
        }
        return record;
    }
}
