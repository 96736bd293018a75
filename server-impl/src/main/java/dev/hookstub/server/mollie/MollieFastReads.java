package dev.hookstub.server.mollie;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.http.FastReads;
import dev.hookstub.server.http.FastResponses;
import dev.hookstub.server.http.SerializedBodies;
import dev.hookstub.server.validation.SpecRequestValidator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * GET /v2/webhooks/{webhookId} in the request's mode, answered without Jersey; the same rules, the same bytes.
 * {@code _links.self.href} is the URL as requested, so the body is cached with a placeholder in its place.
 */
final class MollieFastReads implements FastReads {

    private static final String HREF_MARK = "\u0000self\u0000";
    private static final byte[] MARK_JSON = "\"\\u0000self\\u0000\"".getBytes(StandardCharsets.UTF_8);

    private final MollieAuthFilter auth;
    private final MollieWebhookService service;
    private final SpecRequestValidator validator;
    private final SerializedBodies<MollieWebhookRecord> bodies;

    MollieFastReads(MollieAuthFilter auth, MollieWebhookService service, SpecRequestValidator validator,
                    ObjectMapper mapper) {
        this.auth = auth;
        this.service = service;
        this.validator = validator;
        this.bodies = new SerializedBodies<>(record -> FastResponses.json(mapper, MollieWebhookMapper.toDto(record, HREF_MARK)));
    }

    @Override
    public boolean tryServe(Request request, Response response) throws IOException {
        if (request.getMethod() != Method.GET || !FastResponses.headersWithinLimit(request)) {
            return false;
        }
        String id = FastResponses.segmentAfter(request, "/v2/webhooks/");
        Map<String, String> query = FastResponses.plainQuery(request, Set.of("testmode"));
        String host = FastResponses.plainHost(request);
        if (id == null || query == null || host == null) {
            return false;
        }
        if (auth.authorized(request.getHeader("Authorization")) == null
                || !validator.accepts("GET", "/v2/webhooks/{webhookId}", Map.of("webhookId", id), query)) {
            return false;
        }
        MollieWebhookRecord record;
        try {
            record = service.get(id, "true".equals(query.get("testmode")));
        } catch (ApiProblem refused) {
            return false;
        }
        String self = request.getScheme() + "://" + host + request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        byte[] template = bodies.of(record);
        int mark = indexOf(template, MARK_JSON);
        ByteArrayOutputStream body = new ByteArrayOutputStream(template.length + self.length());
        body.write(template, 0, mark);
        body.write('"');
        body.write(JsonStringEncoder.getInstance().quoteAsUTF8(self));
        body.write('"');
        body.write(template, mark + MARK_JSON.length, template.length - mark - MARK_JSON.length);
        FastResponses.writeJson(response, 200, "application/hal+json", body.toByteArray());
        return true;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("self link placeholder missing from the serialised webhook");
    }
}
