package dev.hookstub.server.mijnklantportaal;

import dev.hookstub.api.mijnklantportaal.WebhooksApi;
import dev.hookstub.api.mijnklantportaal.model.MijnklantportaalCreateWebhookRequest;
import dev.hookstub.server.auth.Caller;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

public final class MijnklantportaalWebhooksResource implements WebhooksApi {

    private final MijnklantportaalWebhookService service;

    @Context
    private SecurityContext security;

    @Context
    private UriInfo uriInfo;

    MijnklantportaalWebhooksResource(MijnklantportaalWebhookService service) {
        this.service = service;
    }

    @Override
    public Response createWebhook(MijnklantportaalCreateWebhookRequest request) {
        MijnklantportaalWebhookRecord created = service.create(tenant(), request.getUrl(), request.getType());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id()).build())
                .entity(MijnklantportaalWebhookMapper.toDto(created))
                .build();
    }

    @Override
    public Response getWebhook(String webhookId) {
        return Response.ok(MijnklantportaalWebhookMapper.toDto(service.get(tenant(), webhookId))).build();
    }

    private MijnklantportaalTenant tenant() {
        return Caller.of(security, MijnklantportaalTenant.class);
    }
}
