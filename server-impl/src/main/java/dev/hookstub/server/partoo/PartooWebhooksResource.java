package dev.hookstub.server.partoo;

import dev.hookstub.api.partoo.WebhooksApi;
import dev.hookstub.server.core.ApiResource;
import dev.hookstub.server.operation.ApiOperations;
import jakarta.ws.rs.core.Response;
import java.math.BigInteger;

/** The generated interface, answered by {@link PartooOperations}. */
public final class PartooWebhooksResource extends ApiResource implements WebhooksApi {

    PartooWebhooksResource(ApiOperations<PartooUser> operations) {
        super(operations);
    }

    @Override
    public Response getWebhook(BigInteger webhookId, BigInteger orgId) {
        return answer("getWebhook");
    }
}
