package dev.hookstub.server.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.server.error.ApiProblem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The admin API's delivery endpoints: {@code POST /{api}/events} to fire an event at the subscribed webhooks,
 * {@code GET /{api}/deliveries[/{id}]} for the log and {@code POST /{api}/deliveries/{id}/retry}.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class DeliveriesResource {

    private final DeliveryDispatcher dispatcher;
    private final ObjectMapper mapper;

    public DeliveriesResource(DeliveryDispatcher dispatcher, ObjectMapper mapper) {
        this.dispatcher = dispatcher;
        this.mapper = mapper;
    }

    @POST
    @Path("{api}/events")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response trigger(@PathParam("api") String api, JsonNode event) {
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
        ObjectNode answer = mapper.createObjectNode();
        created.forEach(answer.putArray("deliveryIds")::add);
        return Response.accepted(answer).build();
    }

    @GET
    @Path("{api}/deliveries")
    public Response list(@PathParam("api") String api, @QueryParam("status") String status,
                         @QueryParam("webhookId") String webhookId) {
        return Response.ok(dispatcher.list(api).stream()
                .filter(delivery -> status == null || delivery.status().json().equals(status))
                .filter(delivery -> webhookId == null || delivery.webhookId().equals(webhookId))
                .map(this::view)
                .toList()).build();
    }

    @GET
    @Path("{api}/deliveries/{id}")
    public Response get(@PathParam("api") String api, @PathParam("id") String id) {
        return Response.ok(view(dispatcher.find(api, id)
                .orElseThrow(() -> ApiProblem.notFound("No " + api + " delivery " + id + ".")))).build();
    }

    @POST
    @Path("{api}/deliveries/{id}/retry")
    public Response retry(@PathParam("api") String api, @PathParam("id") String id) {
        return Response.accepted(view(dispatcher.retry(api, id))).build();
    }

    /** The log entry without the request's headers: they carry the webhook's secrets. */
    private ObjectNode view(Delivery delivery) {
        ObjectNode json = mapper.createObjectNode();
        json.put("id", delivery.id());
        json.put("webhookId", delivery.webhookId());
        json.put("eventType", delivery.eventType());
        json.put("url", delivery.url());
        json.put("status", delivery.status().json());
        json.put("attempts", delivery.attempts());
        json.put("maxAttempts", delivery.attemptLimit());
        json.put("lastResponseCode", delivery.lastResponseCode());
        json.put("lastError", delivery.lastError());
        json.put("createdAt", delivery.createdAt().toString());
        json.put("lastAttemptAt", delivery.lastAttemptAt() == null ? null : delivery.lastAttemptAt().toString());
        json.put("durationMs", delivery.durationMs());
        json.put("nextAttemptAt", delivery.nextAttemptAt() == null ? null : delivery.nextAttemptAt().toString());
        return json;
    }
}
