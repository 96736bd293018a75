package dev.hookstub.server.partoo;

import dev.hookstub.api.partoo.WebhooksApi;
import dev.hookstub.server.auth.Caller;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigInteger;

public final class PartooWebhooksResource implements WebhooksApi {

    private final PartooWebhookService service;

    @Context
    private SecurityContext security;

    PartooWebhooksResource(PartooWebhookService service) {
        this.service = service;
    }

    @Override
    public Response getWebhook(BigInteger webhookId, BigInteger orgId) {
        PartooUser user = Caller.of(security, PartooUser.class);
        PartooWebhookRecord record = service.get(user, webhookId, orgId);
        return Response.ok(PartooWebhookMapper.toDto(record)).build();
    }
}
