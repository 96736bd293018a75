package dev.hookstub.conformance.support;

import dev.hookstub.conformance.preset.Preset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hookstub.openapi.DeclaredErrorFormat;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.Operation;
import dev.hookstub.openapi.Violation;
import io.restassured.response.Response;
import java.util.List;

/**
 * Asserts that an error response is in the API's own error format (see {@link DeclaredErrorFormat}), whatever the spec
 * declares for its status.
 */
public final class ErrorFormatAssertions {

    private ErrorFormatAssertions() {
    }

    public static void assertErrorFormat(Preset api, String operationId, int expectedStatus, Response response) {
        assertEquals(expectedStatus, response.getStatusCode(), () -> "status; body: " + response.asString());
        OpenApiSpec spec = api.spec();
        Operation operation = spec.operation(operationId);
        List<Violation> violations = DeclaredErrorFormat.violations(spec, operation, expectedStatus, response.getContentType(),
                response.asString());
        if (!violations.isEmpty()) {
            fail(operationId + " " + expectedStatus + " is not in the API's error format: " + violations
                    + "; body: " + response.asString());
        }
    }
}
