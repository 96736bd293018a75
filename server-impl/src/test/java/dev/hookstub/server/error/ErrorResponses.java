package dev.hookstub.server.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.json.ObjectMappers;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** What an error response built by an exception mapper puts on the wire: status, Content-Type and body. */
public final class ErrorResponses {

    /** The server's own mapper, the one its JSON provider writes entities with. */
    private static final ObjectMapper JSON = ObjectMappers.create();

    private ErrorResponses() {
    }

    /** The response has this status and Content-Type, and its entity serialises to exactly this JSON. */
    public static void assertErrorResponse(Response response, int status, String contentType, String json) {
        assertEquals(status, response.getStatus(), "status");
        assertEquals(contentType, response.getHeaderString(HttpHeaders.CONTENT_TYPE), "Content-Type");
        assertEquals(json(json), json(body(response)), "body");
    }

    /** The entity as the JSON provider writes it. */
    public static String body(Response response) {
        try {
            return JSON.writeValueAsString(response.getEntity());
        } catch (JsonProcessingException e) {
            throw new AssertionError("entity is not serialisable: " + response.getEntity(), e);
        }
    }

    /** A real parser failure, as the JSON provider meets one on a truncated body. */
    public static JsonProcessingException unreadableBody() {
        try {
            JSON.readTree("{\"url\": \"https://example.com/x\", ");
        } catch (JsonProcessingException e) {
            return e;
        }
        throw new AssertionError("a truncated body was read");
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
