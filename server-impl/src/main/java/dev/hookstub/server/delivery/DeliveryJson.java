package dev.hookstub.server.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/** A delivery as the {@code body} column of the database logs holds it, H2's and the shared PostgreSQL one alike. */
final class DeliveryJson {

    private DeliveryJson() {
    }

    static String write(ObjectMapper mapper, Delivery delivery) {
        try {
            return mapper.writeValueAsString(delivery);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
