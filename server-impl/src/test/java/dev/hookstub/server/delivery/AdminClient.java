package dev.hookstub.server.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.core.StubApi;
import dev.hookstub.server.StubHttp;
import dev.hookstub.server.StubServer;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The admin API as the delivery tests use it, over real HTTP. */
final class AdminClient {

    static final String[] ADMIN = {"Authorization", "Bearer admin_test_key"};
    static final ObjectMapper JSON = new ObjectMapper();

    private final StubServer server;
    private final StubHttp http;

    AdminClient(StubServer server) {
        this.server = server;
        this.http = new StubHttp(server.baseUri());
    }

    StubHttp http() {
        return http;
    }

    /**
     * Forgets deliveries and drops every record, fixtures included: the specs' example webhooks point at the
     * internet, and a test must never deliver there.
     */
    void clean() {
        assertEquals(204, http.post("/__admin/reset", null, ADMIN).statusCode());
        server.apis().forEach(StubApi::clearRecords);
    }

    JsonNode createWebhook(String api, String json) {
        HttpResponse<String> created = http.post("/__admin/" + api + "/webhooks", json, ADMIN);
        assertEquals(201, created.statusCode(), created.body());
        return parse(created.body());
    }

    HttpResponse<String> trigger(String api, String json) {
        return http.post("/__admin/" + api + "/events", json, ADMIN);
    }

    /** Fires the event and answers the ids of the deliveries it created. */
    List<String> fire(String api, String type, String payloadJson) {
        HttpResponse<String> answer = trigger(api, "{\"type\": \"" + type + "\""
                + (payloadJson == null ? "" : ", \"payload\": " + payloadJson) + "}");
        assertEquals(202, answer.statusCode(), answer.body());
        List<String> ids = new ArrayList<>();
        parse(answer.body()).path("deliveryIds").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    JsonNode delivery(String api, String id) {
        HttpResponse<String> found = http.get("/__admin/" + api + "/deliveries/" + id, ADMIN);
        assertEquals(200, found.statusCode(), found.body());
        return parse(found.body());
    }

    JsonNode deliveries(String api, String query) {
        HttpResponse<String> list = http.get("/__admin/" + api + "/deliveries" + query, ADMIN);
        assertEquals(200, list.statusCode(), list.body());
        return parse(list.body());
    }

    /** Waits (bounded) until the delivery has this status; returns it. */
    JsonNode awaitStatus(String api, String id, String status) {
        return awaitStatus(api, id, status, Duration.ofSeconds(10));
    }

    /** As above, with a longer bound for what waits on something slower (a lease to run out, another instance). */
    JsonNode awaitStatus(String api, String id, String status, Duration timeout) {
        JsonNode[] last = new JsonNode[1];
        Receiver.awaitTrue(() -> status.equals((last[0] = delivery(api, id)).path("status").asText()),
                timeout, () -> "delivery " + id + " to become " + status + ": " + last[0]);
        return last[0];
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
