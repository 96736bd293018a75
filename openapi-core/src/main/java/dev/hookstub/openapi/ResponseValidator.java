package dev.hookstub.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import dev.hookstub.openapi.SchemaCatalog.Direction;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks one HTTP response against what its operation declares: status, media type, body schema.
 * Each later check needs what the earlier one found, so an undeclared status skips the other two
 * and a wrong media type skips the schema (there is no schema to pick).
 */
public final class ResponseValidator {

    // Keywords whose error sits on the object but is about one named member of it.
    private static final Set<String> MEMBER_KEYWORDS = Set.of(
            "required", "dependentRequired", "propertyNames", "additionalProperties", "unevaluatedProperties");

    private static final ObjectMapper STRICT_JSON = JsonBodies.READER;

    private final OpenApiSpec spec;

    public ResponseValidator(OpenApiSpec spec) {
        this.spec = spec;
    }

    /**
     * @param contentTypeHeader the raw Content-Type header, or null when absent
     * @param body              the raw body, or null/"" when there is none
     * @return every violation found, empty when the response conforms
     */
    public List<Violation> validate(Operation op, int status, String contentTypeHeader, String body) {
        return validate(op, status, contentTypeHeader, body, true);
    }

    /**
     * The answer to a HEAD of the operation's GET (RFC 9110 §9.3.2: the GET's answer without its content): its status
     * and, when it gives one, its content type; there is no body to hold to the schema.
     */
    public List<Violation> validateHead(Operation op, int status, String contentTypeHeader) {
        return validate(op, status, contentTypeHeader, null, false);
    }

    private List<Violation> validate(Operation op, int status, String contentTypeHeader, String body,
                                     boolean withContent) {
        if (!op.spec().equals(spec.name())) {
            throw new IllegalArgumentException(op + " is not an operation of " + spec.name());
        }
        if (status < 100 || status > 599) {
            return List.of(new Violation(Violation.STATUS_CODE_CONFORMANCE, "",
                    "status " + status + " is not an HTTP status"));
        }
        Optional<String> responseKey = spec.responseKeyFor(op, status);
        if (responseKey.isEmpty()) {
            return List.of(new Violation(Violation.STATUS_CODE_CONFORMANCE, "",
                    "status " + status + " is not declared for " + op.label() + (op.responseStatuses().isEmpty()
                            ? ", which declares no responses" : "; declared: " + String.join(", ", op.responseStatuses()))));
        }
        List<String> declaredTypes = spec.contentTypes(op, responseKey.get());
        boolean hasBody = body != null && !body.isEmpty();
        if (declaredTypes.isEmpty()) {
            return hasBody
                    ? List.of(new Violation(Violation.CONTENT_TYPE_CONFORMANCE, "",
                            "response " + responseKey.get() + " declares no content, but a body was sent"))
                    : List.of();
        }
        if (contentTypeHeader == null || contentTypeHeader.isBlank()) {
            return withContent ? List.of(new Violation(Violation.CONTENT_TYPE_CONFORMANCE, "",
                    "no Content-Type header; declared: " + String.join(", ", declaredTypes))) : List.of();
        }
        Optional<String> matchedType = declaredTypes.stream()
                .filter(declared -> MediaTypes.matches(declared, contentTypeHeader))
                .findFirst();
        if (matchedType.isEmpty()) {
            return List.of(new Violation(Violation.CONTENT_TYPE_CONFORMANCE, "",
                    "Content-Type " + MediaTypes.essence(contentTypeHeader) + " is not declared for "
                            + responseKey.get() + "; declared: " + String.join(", ", declaredTypes)));
        }
        // Only JSON bodies can be checked against a JSON Schema; other declared types pass as is.
        Optional<String> schemaPointer = spec.responseSchemaPointer(op, responseKey.get(), matchedType.get());
        if (schemaPointer.isEmpty() || !MediaTypes.isJson(matchedType.get()) || !withContent) {
            return List.of();
        }
        return validateJson(schemaPointer.get(), hasBody ? body : "");
    }

    /**
     * The headers the response declares for {@code status}: each required one present, and each present one valid
     * against its schema (read as {@code simple} style text, the only style OpenAPI gives headers).
     *
     * @param headers the response's headers, names in any case, each with its values
     */
    public List<Violation> validateHeaders(Operation op, int status, Map<String, List<String>> headers) {
        Optional<String> responseKey = spec.responseKeyFor(op, status);
        if (responseKey.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        List<Violation> violations = new ArrayList<>();
        spec.responseHeaders(op, responseKey.get()).forEach((name, pointer) -> {
            JsonNode header = spec.node(pointer);
            List<String> values = byName.get(name);
            if (values == null || values.isEmpty()) {
                if (header.path("required").asBoolean(false)) {
                    violations.add(new Violation(Violation.RESPONSE_HEADERS_CONFORMANCE, "",
                            "required header " + name + " is missing from the " + status + " answer"));
                }
                return;
            }
            if (!header.has("schema")) {
                return;
            }
            String schema = pointer + "/schema";
            List<String> types = SchemaTypes.of(spec, schema);
            JsonNode value = types.contains("array") && !types.contains("string")
                    ? arrayOf(String.join(",", values), spec.resolve(schema))
                    : ParameterCodec.typed(values.get(0), types);
            for (Error error : spec.schemas().validate(schema, value, Direction.RESPONSE)) {
                violations.add(new Violation(Violation.RESPONSE_HEADERS_CONFORMANCE, "",
                        "header " + name + ": '" + values.get(0) + "' " + error.getMessage()
                                + " [" + error.getKeyword() + " at #" + error.getSchemaLocation().getFragment() + "]"));
            }
        });
        return violations;
    }

    private JsonNode arrayOf(String joined, String schemaPointer) {
        List<String> itemTypes = SchemaTypes.of(spec, schemaPointer + "/items");
        com.fasterxml.jackson.databind.node.ArrayNode array = STRICT_JSON.createArrayNode();
        for (String item : joined.split(",")) {
            array.add(ParameterCodec.typed(item.trim(), itemTypes));
        }
        return array;
    }

    private List<Violation> validateJson(String schemaPointer, String body) {
        if (body.isBlank()) {
            return List.of(new Violation(Violation.RESPONSE_SCHEMA_CONFORMANCE, "", "body is empty, expected JSON"));
        }
        List<Error> errors;
        try {
            // The validator reads the text itself (its own Jackson, which refuses a second value after the first),
            // so the body is read once, not once more to check that it is JSON.
            errors = spec.schemas().validate(schemaPointer, body, Direction.RESPONSE);
        } catch (tools.jackson.core.JacksonException unreadable) {
            return List.of(new Violation(Violation.RESPONSE_SCHEMA_CONFORMANCE, "", "body " + whyNotJson(body, unreadable)));
        }
        List<Violation> violations = new ArrayList<>();
        for (Error error : errors) {
            violations.add(new Violation(Violation.RESPONSE_SCHEMA_CONFORMANCE, pointerOf(error),
                    error.getMessage() + " [" + error.getKeyword() + " at #" + error.getSchemaLocation().getFragment() + "]"));
        }
        return violations;
    }

    /**
     * Why the text could not be read, as the reader of our own JSON says it (with line and column, and without the
     * validator's note that it hides the source).
     */
    private static String whyNotJson(String body, tools.jackson.core.JacksonException unreadable) {
        try {
            STRICT_JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return JsonBodies.unreadable(e);
        }
        return "is not valid JSON: " + unreadable.getOriginalMessage();
    }

    private static String pointerOf(Error error) {
        String instance = error.getInstanceLocation().toString();
        return MEMBER_KEYWORDS.contains(error.getKeyword()) && error.getProperty() != null
                ? JsonPointers.append(instance, error.getProperty())
                : instance;
    }
}
