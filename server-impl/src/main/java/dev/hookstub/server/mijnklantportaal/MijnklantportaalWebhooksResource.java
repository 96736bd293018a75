package dev.hookstub.server.mijnklantportaal;

import dev.hookstub.api.mijnklantportaal.WebhooksApi;
import dev.hookstub.api.mijnklantportaal.model.MijnklantportaalCreateWebhookRequest;
import dev.hookstub.server.core.ApiResource;
import dev.hookstub.server.operation.ApiOperations;
import jakarta.ws.rs.core.Response;

/** The generated interface, answered by {@link MijnklantportaalOperations}. */
public final class MijnklantportaalWebhooksResource extends ApiResource implements WebhooksApi {

    MijnklantportaalWebhooksResource(ApiOperations<MijnklantportaalTenant> operations) {
        super(operations);
    }

    @Override
    public Response createWebhook(MijnklantportaalCreateWebhookRequest request) {
        return answer("create-webhook", request);
    }

    @Override
    public Response getWebhook(String webhookId) {
        return answer("get-webhook");
    }
}
