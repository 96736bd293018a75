package dev.hookstub.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.api.admin.EventsApi;
import dev.hookstub.api.admin.model.AdminDeliveriesCreated;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.delivery.DeliveryDispatcher;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Fires an event at an API's subscribed webhooks ({@link EventsApi}): the document has a path per API, each with the
 * event types that API documents, and every one of them hands to the same implementation with the API's id. The
 * event stays JSON: its types are filled in from the API's spec at run time, and its payload is any JSON.
 */
public final class EventsResource implements EventsApi {

    private final DeliveryDispatcher dispatcher;
    private final ObjectMapper mapper;

    EventsResource(DeliveryDispatcher dispatcher, ObjectMapper mapper) {
        this.dispatcher = dispatcher;
        this.mapper = mapper;
    }

    @Override
    public Response triggerMijnklantportaalEvent(JsonNode event) {
        return trigger("mijnklantportaal", event);
    }

    @Override
    public Response triggerEqualsmoneyEvent(JsonNode event) {
        return trigger("equalsmoney", event);
    }

    @Override
    public Response triggerPartooEvent(JsonNode event) {
        return trigger("partoo", event);
    }

    @Override
    public Response triggerMollieEvent(JsonNode event) {
        return trigger("mollie", event);
    }

    private Response trigger(String api, JsonNode event) {
        if (event == null || !event.isObject()) {
            throw ApiProblem.invalid(400, null, "The body must be a JSON object: {\"type\": ..., \"payload\": ...}.");
        }
        if (!event.path("type").isTextual() || event.path("type").asText().isBlank()) {
            throw ApiProblem.invalid(400, "type", "The type field is required: the event type to deliver.");
        }
        JsonNode payload = event.has("payload") ? event.get("payload") : mapper.createObjectNode();
        JsonNode only = event.path("webhookId");
        List<String> created = dispatcher.trigger(api, event.get("type").asText(), payload,
                only.isTextual() || only.isNumber() ? only.asText() : null);
        return Response.accepted(new AdminDeliveriesCreated().deliveryIds(created)).build();
    }
}
