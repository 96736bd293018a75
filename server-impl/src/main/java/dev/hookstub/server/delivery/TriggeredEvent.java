package dev.hookstub.server.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * An event the admin API asked to deliver: its type, the caller's payload, when it happened, and where each
 * delivery's id comes from (the id goes into the body, so the API's envelope needs it before the body exists).
 */
public record TriggeredEvent(String type, JsonNode payload, Instant at, Supplier<String> deliveryIds) {

    public String newDeliveryId() {
        return deliveryIds.get();
    }
}
