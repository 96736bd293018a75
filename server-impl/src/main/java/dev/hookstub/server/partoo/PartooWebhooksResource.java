package dev.hookstub.server.partoo;

import dev.hookstub.api.partoo.WebhooksApi;
import dev.hookstub.server.core.ApiResource;
import jakarta.ws.rs.core.Response;
import java.math.BigInteger;

public final class PartooWebhooksResource extends ApiResource<PartooWebhookService> implements WebhooksApi {

    PartooWebhooksResource(PartooWebhookService service) {
        super(service);
    }

    @Override
    public Response getWebhook(BigInteger webhookId, BigInteger orgId) {
        PartooWebhookRecord record = service.get(caller(PartooUser.class), webhookId, orgId);
        return Response.ok(PartooWebhookMapper.toDto(record)).build();
    }
}
