package dev.hookstub.server.partoo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.http.FastReads;
import dev.hookstub.server.http.FastResponses;
import dev.hookstub.server.http.SerializedBodies;
import dev.hookstub.server.validation.SpecRequestValidator;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Map;
import java.util.Set;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/** GET /webhooks/{webhook_id} of an organisation the user reaches, answered without Jersey; same rules, same bytes. */
final class PartooFastReads implements FastReads {

    private final PartooAuthFilter auth;
    private final PartooWebhookService service;
    private final SpecRequestValidator validator;
    private final SerializedBodies<PartooWebhookRecord> bodies;

    PartooFastReads(PartooAuthFilter auth, PartooWebhookService service, SpecRequestValidator validator,
                    ObjectMapper mapper) {
        this.auth = auth;
        this.service = service;
        this.validator = validator;
        this.bodies = new SerializedBodies<>(record -> FastResponses.json(mapper, PartooWebhookMapper.toDto(record)));
    }

    @Override
    public boolean tryServe(Request request, Response response) throws IOException {
        if (request.getMethod() != Method.GET || !FastResponses.headersWithinLimit(request)) {
            return false;
        }
        String id = FastResponses.segmentAfter(request, "/webhooks/");
        Map<String, String> query = FastResponses.plainQuery(request, Set.of("org_id"));
        if (id == null || query == null) {
            return false;
        }
        PartooUser user = auth.authenticate(request.getHeader(PartooAuthFilter.HEADER));
        if (user == null || !validator.accepts("GET", "/webhooks/{webhook_id}", Map.of("webhook_id", id), query)) {
            return false;
        }
        PartooWebhookRecord record;
        try {
            BigInteger orgId = query.containsKey("org_id") ? new BigInteger(query.get("org_id")) : null;
            record = service.get(user, new BigInteger(id), orgId);
        } catch (ApiProblem | NumberFormatException refused) {
            return false;
        }
        FastResponses.writeJson(response, 200, "application/json", bodies.of(record));
        return true;
    }
}
