package dev.hookstub.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The API's own error format, for error responses whose status the spec may not declare for the operation (a 401 on
 * an API that declares only 404, say), as {@code hookstub check} and {@code hookstub proxy} hold answers to it: the
 * body must be valid against the schema and media type the spec declares for the operation's errors (the status
 * itself when declared with a body, else its first declared 4xx). An API whose spec declares no error body at all
 * (Equals Money) has no format to hold an error to: any body passes.
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
            if (declared != status && (body == null || body.isEmpty())) {
                // An undeclared status without a body (a framework's bare 405 with Allow) is in no other format.
                return List.of();
            }
            List<Violation> found = new ArrayList<>(new ResponseValidator(spec).validate(operation, declared,
                    contentType, body));
            if (found.isEmpty()) {
                found.addAll(noneOfItsMembers(spec, operation, declaredError.get(), contentType, body));
            }
            if (declared == status) {
                return found;
            }
            // Held to another status's declared body: say so, or "not declared for 422" reads wrong on a 401.
            return found.stream().map(v -> new Violation(v.check(), v.pointer(), "the " + status
                    + " answer is not in the API's error format (the spec's " + declared + " answer): " + v.reason()))
                    .toList();
        }
        // The spec declares no error body (Equals Money, many documents): nothing to hold the body to. A bodiless
        // 405 with Allow is as right as any JSON; the stub's own choice for such an API is its business.
        return List.of();
    }

    /**
     * An error body that carries none of the members the declared error schema names ({@code {"message": ...}}
     * where the spec's errors are {@code {"errors": {...}}}) is another API's error format, though a schema without
     * {@code required} lets it pass: a client reading the API's errors finds nothing in it. An empty list when it
     * carries one of them, the schema names none, or the body is no JSON object (the schema judges those).
     *
     * @param responseKey the declared status the body is held to
     */
    public static List<Violation> noneOfItsMembers(OpenApiSpec spec, Operation operation, String responseKey,
                                                   String contentType, String body) {
        char kind = responseKey.isEmpty() ? ' ' : responseKey.charAt(0);
        if (contentType == null || kind != '4' && kind != '5') {
            return List.of();
        }
        Optional<String> media = spec.contentTypes(operation, responseKey).stream()
                .filter(declared -> MediaTypes.matches(declared, contentType)).findFirst();
        Optional<String> schema = media.flatMap(type -> spec.responseSchemaPointer(operation, responseKey, type));
        if (schema.isEmpty() || !MediaTypes.isJson(MediaTypes.essence(contentType))) {
            return List.of();
        }
        JsonNode members = spec.node(spec.resolve(schema.get())).path("properties");
        if (!members.isObject() || members.isEmpty()) {
            return List.of();
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(body == null ? "" : body);
        } catch (IOException notJson) {
            return List.of();
        }
        if (parsed == null || !parsed.isObject()) {
            return List.of();
        }
        List<String> named = new ArrayList<>();
        members.fieldNames().forEachRemaining(named::add);
        if (named.stream().anyMatch(parsed::has)) {
            return List.of();
        }
        return List.of(new Violation(Violation.RESPONSE_SCHEMA_CONFORMANCE, "", "the error body carries none of the "
                + "members of the API's error format (" + String.join(", ", named) + "), which the spec declares for "
                + responseKey));
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
