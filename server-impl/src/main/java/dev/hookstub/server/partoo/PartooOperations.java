package dev.hookstub.server.partoo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.auth.Credentials.PartooKey;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.operation.Answer;
import dev.hookstub.server.operation.ApiOperations;
import dev.hookstub.server.operation.SerializedBodies;
import dev.hookstub.server.spec.SpecDocument;
import java.math.BigInteger;
import java.util.List;

/** Partoo's get, defined once for both carriers. */
final class PartooOperations {

    private PartooOperations() {
    }

    static ApiOperations<PartooUser> of(SpecDocument spec, List<PartooKey> keys, PartooWebhookService service,
                                        ObjectMapper mapper) {
        SerializedBodies<PartooWebhookRecord> bodies = SerializedBodies.of(PartooWebhookMapper::toDto, mapper);
        return new ApiOperations<>(spec, new PartooAuthentication(keys))
                .define("getWebhook", (user, request) -> Answer.of(200, "application/json", bodies.of(service.get(
                        user, integer(request.path("webhook_id")), integer(request.query("org_id"))))));
    }

    /**
     * An integer parameter (unbounded, as the spec declares it), or null when absent. The spec's rules have
     * accepted it as an integer; a value they let through that is still none names nothing.
     */
    private static BigInteger integer(String value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigInteger(value.strip());
        } catch (NumberFormatException notInteger) {
            throw ApiProblem.notFound("Resource not found");
        }
    }
}
