package dev.hookstub.server.mollie;

import dev.hookstub.openapi.OpenApiSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The event types a subscription may name. Mollie's schema gives {@code eventTypes} no {@code enum} (its items are
 * an open set in its SDKs' generator) but lists the values as the keys of {@code x-enumDescriptions}, {@code *}
 * among them; they are read from there, so that when the spec's list changes the stub follows. Its SDKs refuse a
 * subscription holding any other value.
 */
final class MollieEventTypes {

    static final String ALL_EVENTS = "*";
    static final String POINTER = "/paths/~1v2~1webhooks~1{webhookId}/get/responses/200/content/application~1hal+json"
            + "/schema/properties/eventTypes/items/x-enumDescriptions";

    private MollieEventTypes() {
    }

    /** The documented values, in the spec's order, {@code *} included. */
    static List<String> from(OpenApiSpec spec) {
        List<String> types = new ArrayList<>();
        spec.node(POINTER).fieldNames().forEachRemaining(types::add);
        if (types.isEmpty() || !types.contains(ALL_EVENTS)) {
            throw new IllegalStateException(spec.name() + ": no event types (with *) in x-enumDescriptions of eventTypes");
        }
        return List.copyOf(types);
    }
}
