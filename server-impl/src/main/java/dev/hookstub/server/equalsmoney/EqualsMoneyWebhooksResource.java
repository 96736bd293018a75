package dev.hookstub.server.equalsmoney;

import dev.hookstub.api.equalsmoney.WebhooksApi;
import dev.hookstub.server.auth.Credentials.EqualsMoneyKey;
import dev.hookstub.server.core.ApiResource;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

public final class EqualsMoneyWebhooksResource extends ApiResource<EqualsMoneyWebhookService> implements WebhooksApi {

    EqualsMoneyWebhooksResource(EqualsMoneyWebhookService service) {
        super(service);
    }

    @Override
    public Response findOneWebhook(UUID webhookId, String accountId) {
        EqualsMoneyWebhookRecord record = service.get(caller(EqualsMoneyKey.class), webhookId.toString(), accountId);
        return Response.ok(EqualsMoneyWebhookMapper.toDto(record)).build();
    }
}
