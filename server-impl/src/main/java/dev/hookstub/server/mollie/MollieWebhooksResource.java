package dev.hookstub.server.mollie;

import dev.hookstub.api.mollie.V2Api;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

public final class MollieWebhooksResource implements V2Api {

    private final MollieWebhookService service;

    @Context
    private UriInfo uriInfo;

    MollieWebhooksResource(MollieWebhookService service) {
        this.service = service;
    }

    @Override
    public Response getWebhook(String webhookId, Boolean testmode) {
        MollieWebhookRecord record = service.get(webhookId, Boolean.TRUE.equals(testmode));
        return Response.ok(MollieWebhookMapper.toDto(record, uriInfo.getRequestUri().toString())).build();
    }
}
