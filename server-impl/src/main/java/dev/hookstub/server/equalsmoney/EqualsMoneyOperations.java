package dev.hookstub.server.equalsmoney;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.auth.Credentials.EqualsMoneyKey;
import dev.hookstub.server.operation.Answer;
import dev.hookstub.server.operation.ApiOperations;
import dev.hookstub.server.operation.SerializedBodies;
import dev.hookstub.server.spec.SpecDocument;
import java.util.List;

/** Equals Money's get, defined once for both carriers. */
final class EqualsMoneyOperations {

    private EqualsMoneyOperations() {
    }

    static ApiOperations<EqualsMoneyKey> of(SpecDocument spec, List<EqualsMoneyKey> keys,
                                            EqualsMoneyWebhookService service, ObjectMapper mapper) {
        SerializedBodies<EqualsMoneyWebhookRecord> bodies = SerializedBodies.of(EqualsMoneyWebhookMapper::toDto, mapper);
        // The id is a UUID by the spec's rules; the service reads it in any case.
        return new ApiOperations<>(spec, new EqualsMoneyAuthentication(keys))
                .define("findOneWebhook", (key, request) -> Answer.of(200, "application/json", bodies.of(
                        service.get(key, request.path("webhookId"), request.query("accountId")))));
    }
}
