package dev.hookstub.server.error;

import static dev.hookstub.server.error.ErrorResponses.assertErrorResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiProblemMapperTest {

    private final ApiProblemMapper mapper = new ApiProblemMapper(new MessageErrorFormat());

    @Test
    void writesAProblemWithItsStatusInTheFormatsMediaTypeAndBody() {
        Response response = mapper.toResponse(ApiProblem.notFound("No webhook with this id."));
        assertErrorResponse(response, 404, "application/json", """
                {"message": "No webhook with this id."}
                """);
        assertEquals("Not Found", response.getStatusInfo().getReasonPhrase());
    }

    @Test
    void gives422TheReasonPhraseThatGrizzlyLacks() {
        Response response = mapper.toResponse(ApiProblem.invalid(422, "type", "The type is not one of the events."));
        assertErrorResponse(response, 422, "application/json", """
                {"message": "The type is not one of the events.", "field": "type"}
                """);
        assertEquals("Unprocessable Entity", response.getStatusInfo().getReasonPhrase());
    }

    @Test
    void sendsTheProblemsHeadersAlongAndNoOthers() {
        Response response = mapper.toResponse(new ApiProblem(401, "Unauthorized Request", "The API key is missing.",
                null, Map.of("WWW-Authenticate", "Bearer")));
        assertErrorResponse(response, 401, "application/json", """
                {"message": "The API key is missing."}
                """);
        assertEquals("Bearer", response.getHeaderString("WWW-Authenticate"));
        assertNull(response.getHeaderString("Retry-After"));
        assertEquals(2, response.getHeaders().size(), response.getHeaders().toString());
    }
}
