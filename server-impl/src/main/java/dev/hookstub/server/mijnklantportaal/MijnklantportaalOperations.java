package dev.hookstub.server.mijnklantportaal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.api.mijnklantportaal.model.MijnklantportaalCreateWebhookRequest;
import dev.hookstub.server.auth.Credentials.MijnklantportaalKey;
import dev.hookstub.server.operation.Answer;
import dev.hookstub.server.operation.ApiOperations;
import dev.hookstub.server.operation.RequestUrl;
import dev.hookstub.server.operation.SerializedBodies;
import dev.hookstub.server.record.RecordShape;
import dev.hookstub.server.record.SpecRecord;
import dev.hookstub.openapi.OpenApiSpec;
import java.util.List;

/** MijnKlantportaal's get and create, each defined once for Jersey and the fast path. */
final class MijnklantportaalOperations {

    private static final String JSON = "application/json";

    private MijnklantportaalOperations() {
    }

    static ApiOperations<MijnklantportaalTenant> of(OpenApiSpec spec, List<MijnklantportaalKey> keys,
                                                    MijnklantportaalWebhookService service, RecordShape records,
                                                    ObjectMapper mapper) {
        return new ApiOperations<>(spec, new MijnklantportaalAuthentication(keys))
                .defineRead("get-webhook", JSON, SerializedBodies.of(records::served, mapper),
                        (tenant, request) -> service.get(tenant, request.path("webhookId")))
                .define("create-webhook", (tenant, request) -> {
                    MijnklantportaalCreateWebhookRequest create = request.body(MijnklantportaalCreateWebhookRequest.class);
                    SpecRecord created = service.create(tenant, create.getUrl(), create.getType());
                    // Not kept in the bodies: most created records are never read, and keeping them all would
                    // double their memory.
                    return Answer.of(201, JSON, Answer.json(mapper, records.served(created)))
                            .withHeader("Location", RequestUrl.child(request.urlWithoutQuery(), created.id()));
                });
    }
}
