package dev.hookstub.server.mollie;

import dev.hookstub.api.mollie.V2Api;
import dev.hookstub.server.core.ApiResource;
import jakarta.ws.rs.core.Response;

public final class MollieWebhooksResource extends ApiResource<MollieWebhookService> implements V2Api {

    MollieWebhooksResource(MollieWebhookService service) {
        super(service);
    }

    @Override
    public Response getWebhook(String webhookId, Boolean testmode) {
        MollieWebhookRecord record = service.get(webhookId, Boolean.TRUE.equals(testmode));
        return Response.ok(MollieWebhookMapper.toDto(record, uriInfo().getRequestUri().toString())).build();
    }
}
