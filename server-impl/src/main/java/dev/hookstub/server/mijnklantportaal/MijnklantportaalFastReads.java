package dev.hookstub.server.mijnklantportaal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.api.mijnklantportaal.model.MijnklantportaalCreateWebhookRequest;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.http.FastReads;
import dev.hookstub.server.http.FastResponses;
import dev.hookstub.server.http.RequestLimitsFilter;
import dev.hookstub.server.http.SerializedBodies;
import dev.hookstub.server.journal.RequestNotes;
import dev.hookstub.server.validation.SpecRequestValidator;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * GET /webhooks/{webhookId} and POST /webhooks without Jersey: the same rules (the auth filter's lookup, the spec
 * validator, the service), the same bytes. A create is taken only once everything that precedes reading its body
 * holds (plain target and Host, application/json, a Content-Length within the limit, a valid key); from then on
 * its refusals are the service's and the validator's own, written as the exception mapper writes them.
 */
final class MijnklantportaalFastReads implements FastReads {

    private final MijnklantportaalAuthFilter auth;
    private final MijnklantportaalWebhookService service;
    private final SpecRequestValidator validator;
    private final MijnklantportaalErrorFormat errors;
    private final ObjectMapper mapper;
    private final SerializedBodies<MijnklantportaalWebhookRecord> bodies;

    MijnklantportaalFastReads(MijnklantportaalAuthFilter auth, MijnklantportaalWebhookService service,
                              SpecRequestValidator validator, MijnklantportaalErrorFormat errors, ObjectMapper mapper) {
        this.auth = auth;
        this.service = service;
        this.validator = validator;
        this.errors = errors;
        this.mapper = mapper;
        this.bodies = new SerializedBodies<>(record -> FastResponses.json(mapper, MijnklantportaalWebhookMapper.toDto(record)));
    }

    @Override
    public boolean tryServe(Request request, Response response) throws IOException {
        if (!FastResponses.headersWithinLimit(request)) {
            return false;
        }
        if (request.getMethod() == Method.GET) {
            return tryGet(request, response);
        }
        return request.getMethod() == Method.POST && tryCreate(request, response);
    }

    private boolean tryGet(Request request, Response response) throws IOException {
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
        FastResponses.writeJson(response, 200, "application/json", bodies.of(record));
        return true;
    }

    private boolean tryCreate(Request request, Response response) throws IOException {
        String host = FastResponses.plainHost(request);
        long length = request.getContentLengthLong();
        if (!request.getRequestURI().equals(request.getContextPath() + "/webhooks") || request.getQueryString() != null
                || host == null || !onlyJson(request)
                || request.getHeader("Transfer-Encoding") != null
                || length <= 0 || length > RequestLimitsFilter.MAX_BODY_BYTES) {
            return false;
        }
        MijnklantportaalTenant tenant = auth.authenticate(request.getHeader("Authorization"));
        if (tenant == null) {
            return false;
        }
        try {
            byte[] body = readBody(request, (int) length);
            RequestNotes.body(request, body);
            try {
                validator.validateBody("POST", "/webhooks", body);
            } catch (ApiProblem invalid) {
                RequestNotes.refusal(request, SpecRequestValidator.refusalReason(invalid));
                throw invalid;
            }
            MijnklantportaalCreateWebhookRequest create = readCreate(body);
            MijnklantportaalWebhookRecord created = service.create(tenant, create.getUrl(), create.getType());
            // Not cached: most created records are never read, and caching them all would double their memory.
            byte[] json = FastResponses.json(mapper, MijnklantportaalWebhookMapper.toDto(created));
            response.setHeader("Location", request.getScheme() + "://" + host + request.getRequestURI() + "/" + created.id());
            FastResponses.writeJson(response, 201, "application/json", json);
        } catch (ApiProblem refused) {
            FastResponses.writeProblem(response, errors, refused, mapper);
        }
        return true;
    }

    /** Exactly one Content-Type, exactly application/json: anything else is the long way's to judge. */
    private static boolean onlyJson(Request request) {
        java.util.Iterator<String> types = request.getHeaders("Content-Type").iterator();
        return types.hasNext() && "application/json".equals(types.next()) && !types.hasNext();
    }

    private static byte[] readBody(Request request, int length) {
        try {
            return request.getInputStream().readNBytes(length);
        } catch (IOException stalled) {
            throw new ApiProblem(408, "Request Timeout", "The request body did not arrive in full.", null);
        }
    }

    /** As the JSON provider reads it for the resource; a body it cannot bind is the mapper's 422. */
    private MijnklantportaalCreateWebhookRequest readCreate(byte[] body) {
        try {
            return mapper.readValue(body, MijnklantportaalCreateWebhookRequest.class);
        } catch (IOException unreadable) {
            throw ApiProblem.invalid(422, null, "The request body is not valid JSON for this operation.");
        }
    }
}
