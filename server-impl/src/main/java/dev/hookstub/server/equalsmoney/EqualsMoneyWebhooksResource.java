package dev.hookstub.server.equalsmoney;

import dev.hookstub.api.equalsmoney.WebhooksApi;
import dev.hookstub.server.auth.Credentials.EqualsMoneyKey;
import dev.hookstub.server.core.ApiResource;
import dev.hookstub.server.operation.ApiOperations;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** The generated interface, answered by {@link EqualsMoneyOperations}. */
public final class EqualsMoneyWebhooksResource extends ApiResource implements WebhooksApi {

    EqualsMoneyWebhooksResource(ApiOperations<EqualsMoneyKey> operations) {
        super(operations);
    }

    @Override
    public Response findOneWebhook(UUID webhookId, String accountId) {
        return answer("findOneWebhook");
    }
}
