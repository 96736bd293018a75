package dev.hookstub.server.mijnklantportaal;

import dev.hookstub.api.mijnklantportaal.WebhooksApi;
import dev.hookstub.api.mijnklantportaal.model.MijnklantportaalCreateWebhookRequest;
import dev.hookstub.server.core.ApiResource;
import jakarta.ws.rs.core.Response;

public final class MijnklantportaalWebhooksResource extends ApiResource<MijnklantportaalWebhookService>
        implements WebhooksApi {

    MijnklantportaalWebhooksResource(MijnklantportaalWebhookService service) {
        super(service);
    }

    @Override
    public Response createWebhook(MijnklantportaalCreateWebhookRequest request) {
        MijnklantportaalWebhookRecord created = service.create(tenant(), request.getUrl(), request.getType());
        return Response.created(uriInfo().getAbsolutePathBuilder().path(created.id()).build())
                .entity(MijnklantportaalWebhookMapper.toDto(created))
                .build();
    }

    @Override
    public Response getWebhook(String webhookId) {
        return Response.ok(MijnklantportaalWebhookMapper.toDto(service.get(tenant(), webhookId))).build();
    }

    private MijnklantportaalTenant tenant() {
        return caller(MijnklantportaalTenant.class);
    }
}
