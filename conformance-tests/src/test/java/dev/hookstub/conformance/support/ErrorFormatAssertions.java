package dev.hookstub.conformance.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.util.List;
import java.util.Optional;

/**
 * Checks error responses whose status the spec does not declare for the operation (a 401 on an API that declares
 * only 404, say): the body must still be in the API's own error format, i.e. valid against the schema and media
 * type the spec declares for the operation's errors. An API whose spec declares no error body at all (Equals Money)
 * is held to {@code {"message": "<text>"}}.
 */
public final class ErrorFormatAssertions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorFormatAssertions() {
    }

    public static void assertErrorFormat(Api api, String operationId, int expectedStatus, Response response) {
        assertEquals(expectedStatus, response.getStatusCode(), () -> "status; body: " + response.asString());
        OpenApiSpec spec = OpenApiSpec.of(api);
        Operation operation = spec.operation(operationId);
        Optional<String> declaredError = declaredErrorStatus(spec, operation, expectedStatus);
        if (declaredError.isEmpty()) {
            assertMessageBody(response);
            return;
        }
        int asStatus = Integer.parseInt(declaredError.get());
        List<Violation> violations = new ResponseValidator(spec)
                .validate(operation, asStatus, response.getContentType(), response.asString());
        if (!violations.isEmpty()) {
            fail(operationId + " " + expectedStatus + " is not in the API's error format (checked as its declared "
                    + asStatus + "): " + violations + "; body: " + response.asString());
        }
    }

    /** The status itself when the spec declares it with a body, else the operation's first declared 4xx. */
    private static Optional<String> declaredErrorStatus(OpenApiSpec spec, Operation operation, int status) {
        String exact = Integer.toString(status);
        if (operation.responseStatuses().contains(exact) && !spec.contentTypes(operation, exact).isEmpty()) {
            return Optional.of(exact);
        }
        return operation.responseStatuses().stream()
                .filter(declared -> declared.startsWith("4") && !spec.contentTypes(operation, declared).isEmpty())
                .findFirst();
    }

    private static void assertMessageBody(Response response) {
        assertTrue(response.getContentType().startsWith("application/json"),
                () -> "content type " + response.getContentType());
        try {
            JsonNode body = JSON.readTree(response.asString());
            assertTrue(body.path("message").isTextual() && !body.path("message").asText().isBlank(),
                    () -> "expected {\"message\": \"...\"}, got " + response.asString());
        } catch (java.io.IOException e) {
            fail("error body is not JSON: " + response.asString());
        }
    }
}
