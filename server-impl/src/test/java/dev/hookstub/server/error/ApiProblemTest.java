package dev.hookstub.server.error;

import static dev.hookstub.server.error.ErrorResponses.assertErrorResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The problems resources and filters raise, as the stub's own format renders them. */
class ApiProblemTest {

    private final ApiProblemMapper mapper = new ApiProblemMapper(new MessageErrorFormat());

    @Test
    void unauthenticatedIsA401UnauthorizedRequestNamingNoFieldWithItsChallenge() {
        ApiProblem problem = ApiProblem.unauthenticated("The API key is missing or invalid.", "Bearer");
        assertEquals("Unauthorized Request", problem.title());
        jakarta.ws.rs.core.Response response = mapper.toResponse(problem);
        assertEquals("Bearer", response.getHeaderString("WWW-Authenticate"));
        assertErrorResponse(response, 401, "application/json", """
                {"message": "The API key is missing or invalid."}
                """);
    }

    @Test
    void forbiddenIsA403NamingNoField() {
        ApiProblem problem = ApiProblem.forbidden("This key may not read this webhook.");
        assertEquals("Forbidden", problem.title());
        assertErrorResponse(mapper.toResponse(problem), 403, "application/json", """
                {"message": "This key may not read this webhook."}
                """);
    }

    @Test
    void notFoundIsA404NamingNoField() {
        ApiProblem problem = ApiProblem.notFound("No webhook with this id.");
        assertEquals("Not Found", problem.title());
        assertErrorResponse(mapper.toResponse(problem), 404, "application/json", """
                {"message": "No webhook with this id."}
                """);
    }

    @Test
    void conflictIsA409NamingTheIdField() {
        ApiProblem problem = ApiProblem.conflict("A webhook with this id exists.");
        assertEquals("Conflict", problem.title());
        assertErrorResponse(mapper.toResponse(problem), 409, "application/json", """
                {"message": "A webhook with this id exists.", "field": "id"}
                """);
    }

    @Test
    void invalidTakesTheReasonPhraseOfItsStatusAndNamesTheField() {
        ApiProblem unprocessable = ApiProblem.invalid(422, "url", "The url must be an https URL.");
        assertEquals("Unprocessable Entity", unprocessable.title());
        assertErrorResponse(mapper.toResponse(unprocessable), 422, "application/json", """
                {"message": "The url must be an https URL.", "field": "url"}
                """);
        ApiProblem bad = ApiProblem.invalid(400, "org_id", "The org_id parameter has an invalid value.");
        assertEquals("Bad Request", bad.title());
        assertErrorResponse(mapper.toResponse(bad), 400, "application/json", """
                {"message": "The org_id parameter has an invalid value.", "field": "org_id"}
                """);
    }

    @Test
    void reasonPhraseKnows422AndCallsAnUnknownStatusError() {
        assertEquals("Unprocessable Entity", ApiProblem.reasonPhrase(422));
        assertEquals("Too Many Requests", ApiProblem.reasonPhrase(429));
        assertEquals("Error", ApiProblem.reasonPhrase(499));
    }

    @Test
    void carriesNoStackTraceNoCauseAndACopyOfItsHeaders() {
        Map<String, String> headers = new HashMap<>(Map.of("Retry-After", "1"));
        ApiProblem problem = new ApiProblem(503, "Service Unavailable", "Try again.", null, headers);
        headers.put("X-Internal", "leaked");
        assertEquals(0, problem.getStackTrace().length);
        assertNull(problem.getCause());
        assertEquals(Map.of("Retry-After", "1"), problem.headers());
        assertErrorResponse(mapper.toResponse(problem), 503, "application/json", """
                {"message": "Try again."}
                """);
    }
}
