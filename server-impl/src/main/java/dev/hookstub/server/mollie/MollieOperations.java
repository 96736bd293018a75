package dev.hookstub.server.mollie;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.auth.Credentials.MollieToken;
import dev.hookstub.server.operation.Answer;
import dev.hookstub.server.operation.ApiOperations;
import dev.hookstub.server.operation.SerializedBodies;
import dev.hookstub.server.spec.SpecDocument;
import java.util.List;

/** Mollie's get, defined once for both carriers; {@code _links.self.href} is the URL as requested. */
final class MollieOperations {

    private MollieOperations() {
    }

    static ApiOperations<MollieToken> of(SpecDocument spec, List<MollieToken> tokens, MollieWebhookService service,
                                         ObjectMapper mapper) {
        SerializedBodies<MollieWebhookRecord> bodies = SerializedBodies.withUrl(MollieWebhookMapper::toDto, mapper);
        // As JAX-RS reads a boolean parameter: true in any case, false otherwise.
        return new ApiOperations<>(spec, new MollieAuthentication(tokens))
                .define("get-webhook", (token, request) -> Answer.of(200, "application/hal+json", bodies.of(
                        service.get(request.path("webhookId"), Boolean.parseBoolean(request.query("testmode"))),
                        request.url())));
    }
}
