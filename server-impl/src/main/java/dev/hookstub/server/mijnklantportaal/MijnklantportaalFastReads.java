package dev.hookstub.server.mijnklantportaal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.http.FastReads;
import dev.hookstub.server.http.FastResponses;
import dev.hookstub.server.http.SerializedBodies;
import dev.hookstub.server.validation.SpecRequestValidator;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/** GET /webhooks/{webhookId} for a tenant's own record, answered without Jersey; the same rules, the same bytes. */
final class MijnklantportaalFastReads implements FastReads {

    private final MijnklantportaalAuthFilter auth;
    private final MijnklantportaalWebhookService service;
    private final SpecRequestValidator validator;
    private final SerializedBodies<MijnklantportaalWebhookRecord> bodies;

    MijnklantportaalFastReads(MijnklantportaalAuthFilter auth, MijnklantportaalWebhookService service,
                              SpecRequestValidator validator, ObjectMapper mapper) {
        this.auth = auth;
        this.service = service;
        this.validator = validator;
        this.bodies = new SerializedBodies<>(record -> FastResponses.json(mapper, MijnklantportaalWebhookMapper.toDto(record)));
    }

    @Override
    public boolean tryServe(Request request, Response response) throws IOException {
        String id = FastResponses.segmentAfter(request, "/webhooks/");
        Map<String, String> query = FastResponses.plainQuery(request, Set.of());
        if (id == null || query == null) {
            return false;
        }
        MijnklantportaalTenant tenant = auth.authenticate(request.getHeader("Authorization"));
        if (tenant == null || !validator.accepts("GET", "/webhooks/{webhookId}", Map.of("webhookId", id), query)) {
            return false;
        }
        MijnklantportaalWebhookRecord record;
        try {
            record = service.get(tenant, id);
        } catch (ApiProblem refused) {
            return false;
        }
        FastResponses.writeJson(response, "application/json", bodies.of(record));
        return true;
    }
}
