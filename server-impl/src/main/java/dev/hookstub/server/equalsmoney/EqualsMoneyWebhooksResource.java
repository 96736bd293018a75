package dev.hookstub.server.equalsmoney;

import dev.hookstub.api.equalsmoney.WebhooksApi;
import dev.hookstub.server.auth.Caller;
import dev.hookstub.server.auth.Credentials.EqualsMoneyKey;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;

public final class EqualsMoneyWebhooksResource implements WebhooksApi {

    private final EqualsMoneyWebhookService service;

    @Context
    private SecurityContext security;

    EqualsMoneyWebhooksResource(EqualsMoneyWebhookService service) {
        this.service = service;
    }

    @Override
    public Response findOneWebhook(UUID webhookId, String accountId) {
        EqualsMoneyKey caller = Caller.of(security, EqualsMoneyKey.class);
        return Response.ok(EqualsMoneyWebhookMapper.toDto(service.get(caller, webhookId.toString(), accountId))).build();
    }
}
