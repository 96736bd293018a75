package dev.hookstub.server.mollie;

import dev.hookstub.api.mollie.V2Api;
import dev.hookstub.server.auth.Credentials.MollieToken;
import dev.hookstub.server.core.ApiResource;
import dev.hookstub.server.operation.ApiOperations;
import jakarta.ws.rs.core.Response;

/** The generated interface, answered by {@link MollieOperations}. */
public final class MollieWebhooksResource extends ApiResource implements V2Api {

    MollieWebhooksResource(ApiOperations<MollieToken> operations) {
        super(operations);
    }

    @Override
    public Response getWebhook(String webhookId, Boolean testmode) {
        return answer("get-webhook");
    }
}
