package dev.hookstub.server.equalsmoney;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.auth.Credentials.EqualsMoneyKey;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.http.FastReads;
import dev.hookstub.server.http.FastResponses;
import dev.hookstub.server.http.SerializedBodies;
import dev.hookstub.server.validation.SpecRequestValidator;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/** GET /webhooks/{webhookId} within the key's scope, answered without Jersey; the same rules, the same bytes. */
final class EqualsMoneyFastReads implements FastReads {

    private final EqualsMoneyAuthFilter auth;
    private final EqualsMoneyWebhookService service;
    private final SpecRequestValidator validator;
    private final SerializedBodies<EqualsMoneyWebhookRecord> bodies;

    EqualsMoneyFastReads(EqualsMoneyAuthFilter auth, EqualsMoneyWebhookService service, SpecRequestValidator validator,
                         ObjectMapper mapper) {
        this.auth = auth;
        this.service = service;
        this.validator = validator;
        this.bodies = new SerializedBodies<>(record -> FastResponses.json(mapper, EqualsMoneyWebhookMapper.toDto(record)));
    }

    @Override
    public boolean tryServe(Request request, Response response) throws IOException {
        if (request.getMethod() != Method.GET || !FastResponses.headersWithinLimit(request)) {
            return false;
        }
        String id = FastResponses.segmentAfter(request, "/webhooks/");
        Map<String, String> query = FastResponses.plainQuery(request, Set.of("accountId"));
        if (id == null || query == null) {
            return false;
        }
        EqualsMoneyKey key = auth.authenticate(request.getHeader("Authorization"));
        if (key == null || !validator.accepts("GET", "/webhooks/{webhookId}", Map.of("webhookId", id), query)) {
            return false;
        }
        EqualsMoneyWebhookRecord record;
        try {
            // The resource receives the id as a UUID and reads it back as text: lower case, like this.
            record = service.get(key, java.util.UUID.fromString(id).toString(), query.get("accountId"));
        } catch (ApiProblem | IllegalArgumentException refused) {
            return false;
        }
        FastResponses.writeJson(response, 200, "application/json", bodies.of(record));
        return true;
    }
}
