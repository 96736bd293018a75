package dev.hookstub.server.delivery;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a delivery stands; only pending and delivering ones still have work to do. */
public enum DeliveryStatus {
    PENDING, DELIVERING, SUCCEEDED, FAILED, GONE;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this != PENDING && this != DELIVERING;
    }
}
