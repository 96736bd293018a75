package dev.hookstub.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The API's own error format, for error responses whose status the spec may not declare for the operation (a 401 on
 * an API that declares only 404, say), as {@code hookstub check} and {@code hookstub proxy} hold answers to it: the
 * body must be valid against the schema and media type the spec declares for the operation's errors (the status
 * itself when declared with a body, else its first declared 4xx). An API whose spec declares no error body at all
 * (Equals Money) is held to {@code {"message": "<text>"}} in JSON.
 */
public final class DeclaredErrorFormat {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeclaredErrorFormat() {
    }

    /** Content-type and schema violations of an error response; never a status violation. */
    public static List<Violation> violations(OpenApiSpec spec, Operation operation, int status, String contentType,
            String body) {
        Optional<String> declaredError = declaredErrorStatus(spec, operation, status);
        if (declaredError.isPresent()) {
            int declared = Integer.parseInt(declaredError.get());
            List<Violation> found = new ResponseValidator(spec).validate(operation, declared, contentType, body);
            if (declared == status) {
                return found;
            }
            // Held to another status's declared body: say so, or "not declared for 422" reads wrong on a 401.
            return found.stream().map(v -> new Violation(v.check(), v.pointer(), "the " + status
                    + " answer is not in the API's error format (the spec's " + declared + " answer): " + v.reason()))
                    .toList();
        }
        if (contentType == null || !MediaTypes.essence(contentType).equals("application/json")) {
            return List.of(new Violation(Violation.CONTENT_TYPE_CONFORMANCE, "",
                    "error Content-Type " + contentType + " is not application/json (the spec declares no error body;"
                            + " the suite holds such APIs to {\"message\": ...})"));
        }
        try {
            JsonNode parsed = JSON.readTree(body == null ? "" : body);
            if (parsed != null && parsed.path("message").isTextual() && !parsed.path("message").asText().isBlank()) {
                return List.of();
            }
        } catch (IOException e) {
            return List.of(new Violation(Violation.RESPONSE_SCHEMA_CONFORMANCE, "", "error body is not JSON"));
        }
        return List.of(new Violation(Violation.RESPONSE_SCHEMA_CONFORMANCE, "/message",
                "error body is not {\"message\": \"<text>\"}"));
    }

    /** The status itself when the spec declares it with a body, else the operation's first declared 4xx. */
    static Optional<String> declaredErrorStatus(OpenApiSpec spec, Operation operation, int status) {
        String exact = Integer.toString(status);
        if (operation.responseStatuses().contains(exact) && !spec.contentTypes(operation, exact).isEmpty()) {
            return Optional.of(exact);
        }
        return operation.responseStatuses().stream()
                .filter(declared -> declared.startsWith("4") && !spec.contentTypes(operation, declared).isEmpty())
                .findFirst();
    }
}
