package dev.hookstub.junit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.conformance.preset.Preset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stub's admin API ({@code /__admin}) for tests: add records in an API's own schema, fire events at its
 * webhooks, read the delivery log. Every failure names the request and the stub's answer.
 */
public final class HookstubAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A payload's decimals as given (every digit, trailing zeros, beyond a double's range): sent as written. */
    private static final ObjectMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();
    private static final String ADMIN = "/__admin";

    /** The stub, with the admin token sent along. */
    private final HookstubHttp http;

    HookstubAdmin(HookstubHttp http) {
        this.http = http;
    }

    /**
     * Stores a record in the API's schema (plus its tenancy fields); what is left out (id, secret, timestamps) the
     * stub fills in. Returns the stored record.
     */
    public JsonNode createWebhook(Preset api, Map<String, ?> fields) {
        return send("POST", "/" + api.id() + "/webhooks", JSON.valueToTree(fields), 201);
    }

    /** The same, from JSON text. */
    public JsonNode createWebhook(Preset api, String json) {
        return send("POST", "/" + api.id() + "/webhooks", parse(JSON, json), 201);
    }

    public JsonNode webhooks(Preset api) {
        return send("GET", "/" + api.id() + "/webhooks", null, 200);
    }

    public void deleteWebhook(Preset api, String id) {
        send("DELETE", "/" + api.id() + "/webhooks/" + id, null, 204);
    }

    /** Fires an event at every subscribed webhook of the API; returns the ids of the deliveries it made. */
    public List<String> fireEvent(Preset api, String type, Map<String, ?> payload) {
        return fire(api, type, JSON.valueToTree(payload));
    }

    /** Fires an event without a payload (for Mollie, a simple event: no entity). */
    public List<String> fireEvent(Preset api, String type) {
        return fire(api, type, null);
    }

    /** The same with the payload as JSON text; null sends an event without one. */
    public List<String> fireEvent(Preset api, String type, String payloadJson) {
        return fire(api, type, payloadJson == null ? null : parse(EXACT, payloadJson));
    }

    private List<String> fire(Preset api, String type, JsonNode payload) {
        ObjectNode body = JSON.createObjectNode().put("type", type);
        if (payload != null) {
            body.set("payload", payload);
        }
        List<String> ids = new ArrayList<>();
        send("POST", "/" + api.id() + "/events", body, 202).path("deliveryIds").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    public JsonNode deliveries(Preset api) {
        return send("GET", "/" + api.id() + "/deliveries", null, 200);
    }

    /** The delivery log filtered by its query parameters ({@code status}, {@code webhookId}). */
    public JsonNode deliveries(Preset api, Map<String, ?> filters) {
        return send("GET", "/" + api.id() + "/deliveries" + query(filters), null, 200);
    }

    public JsonNode delivery(Preset api, String deliveryId) {
        return send("GET", "/" + api.id() + "/deliveries/" + deliveryId, null, 200);
    }

    /** Waits until the delivery has {@code status} (e.g. {@code succeeded}, {@code failed}); returns it. */
    public JsonNode awaitDelivery(Preset api, String deliveryId, String status, Duration timeout) {
        JsonNode[] last = {delivery(api, deliveryId)};
        Waits.until(() -> status.equals((last[0] = delivery(api, deliveryId)).path("status").asText()), timeout,
                () -> "delivery " + deliveryId + " to be " + status + ": " + last[0]);
        return last[0];
    }

    /** As above, waiting ten seconds at most. */
    public JsonNode awaitDelivery(Preset api, String deliveryId, String status) {
        return awaitDelivery(api, deliveryId, status, Duration.ofSeconds(10));
    }

    /**
     * The API's request journal, newest first, as {@code GET /__admin/{api}/requests} answers it; {@code filters}
     * are its query parameters ({@code method}, {@code pathTemplate}, {@code status}, {@code since}, {@code until},
     * {@code limit}).
     */
    public JsonNode requests(Preset api, Map<String, ?> filters) {
        return send("GET", "/" + api.id() + "/requests" + query(filters), null, 200);
    }

    private static String query(Map<String, ?> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.length() == 0 ? '?' : '&')
                .append(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(java.net.URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8)));
        return query.toString();
    }

    /**
     * How many journaled requests match, as WireMock's {@code verify}: {@code criteria} are {@code method},
     * {@code pathTemplate}, {@code status}, {@code bodyPointer} and {@code bodyEquals}, each optional.
     */
    public int countRequests(Preset api, Map<String, ?> criteria) {
        return send("POST", "/" + api.id() + "/requests/count", JSON.valueToTree(criteria), 200).path("count").asInt();
    }

    /** Forgets the API's journaled requests. */
    public void clearRequests(Preset api) {
        send("DELETE", "/" + api.id() + "/requests", null, 204);
    }

    /**
     * Adds a fault rule ({@code operation}, {@code credential}, {@code times}, {@code fraction}, and one effect:
     * {@code delay}, {@code status} with {@code headers}, or {@code fault}); returns it with its id.
     */
    public JsonNode addFault(Preset api, Map<String, ?> rule) {
        return send("POST", "/" + api.id() + "/faults", JSON.valueToTree(rule), 201);
    }

    public JsonNode faults(Preset api) {
        return send("GET", "/" + api.id() + "/faults", null, 200);
    }

    public void clearFaults(Preset api) {
        send("DELETE", "/" + api.id() + "/faults", null, 204);
    }

    /** The stub's clock: {@code {"mode": "real" | "frozen" | "offset", "now": ...}}. */
    public JsonNode clock() {
        return send("GET", "/clock", null, 200);
    }

    /** Stops the stub's clock at {@code instant}: records, deliveries and their retries follow it. */
    public JsonNode freezeClock(Instant instant) {
        return send("POST", "/clock", JSON.createObjectNode().put("set", instant.toString()), 200);
    }

    /** Moves the stub's clock forward; every delivery attempt that falls due is made at once. */
    public JsonNode advanceClock(Duration by) {
        return send("POST", "/clock", JSON.createObjectNode().put("advance", by.toString()), 200);
    }

    /** Back to real time. */
    public void realClock() {
        send("DELETE", "/clock", null, 204);
    }

    /** Every API back to its fixtures; the delivery log, journals and fault rules forgotten; the clock real. */
    public void reset() {
        send("POST", "/reset", null, 204);
    }

    private JsonNode send(String method, String path, JsonNode body, int expected) {
        HttpResponse<String> response;
        try {
            response = http.send(method, ADMIN + path, body == null ? null : body.toString());
        } catch (UncheckedIOException e) {
            throw new IllegalStateException(method + " " + http.uri(ADMIN + path) + " failed: " + e.getMessage(), e);
        }
        if (response.statusCode() != expected) {
            throw new AssertionError(method + " " + http.uri(ADMIN + path) + " answered " + response.statusCode()
                    + " (expected " + expected + "): " + response.body());
        }
        return response.body().isEmpty() ? JSON.missingNode() : parse(JSON, response.body());
    }

    private static JsonNode parse(ObjectMapper mapper, String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }
}
