package dev.hookstub.openapi;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One operation of a spec, flattened so tests need not walk the document.
 *
 * @param httpMethod       upper case, e.g. {@code GET}
 * @param pathTemplate     exactly as in the spec, e.g. {@code /webhooks/{webhookId}}
 * @param operationId      as in the spec; null when it gives none ({@link #label()} names the operation then)
 * @param responseStatuses declared response keys in spec order, e.g. {@code 200}, {@code 4XX}, {@code default}
 * @param security         effective requirements: the operation's own if it declares {@code security}, else the
 *                         document's; empty means none
 * @param parameters       path-level and operation-level merged, operation-level winning for the same name and
 *                         location
 * @param requestBody      the body it takes, if any
 * @param pointer          JSON pointer of this operation's object inside the spec document (under the path item a
 *                         {@code $ref} of the path may lead to)
 */
public record Operation(
        String spec,
        String httpMethod,
        String pathTemplate,
        String operationId,
        List<String> responseStatuses,
        List<SecurityRequirement> security,
        List<Parameter> parameters,
        Optional<RequestBody> requestBody,
        String pointer) {

    public Operation {
        responseStatuses = List.copyOf(responseStatuses);
        security = List.copyOf(security);
        parameters = List.copyOf(parameters);
    }

    /** The same operation of a spec known by another name ({@link OpenApiSpec#named}). */
    Operation inSpec(String name) {
        return new Operation(name, httpMethod, pathTemplate, operationId, responseStatuses, security, parameters,
                requestBody, pointer);
    }

    /** The operationId, or {@code GET /path} for an operation without one. */
    public String label() {
        return operationId != null ? operationId : httpMethod + " " + pathTemplate;
    }

    /** JSON pointer to the request body's preferred media type's schema, if it has one. */
    public Optional<String> requestBodySchemaPointer() {
        return requestBody.flatMap(RequestBody::preferred).flatMap(RequestBody.Media::schemaPointer);
    }

    /** Whether a request needs no credential: no requirement, or an empty one among the alternatives. */
    public boolean securityOptional() {
        return security.isEmpty() || security.stream().anyMatch(r -> r.schemes().isEmpty());
    }

    public List<Parameter> parameters(String in) {
        String wanted = in.toLowerCase(Locale.ROOT);
        return parameters.stream().filter(p -> p.in().equals(wanted)).toList();
    }

    @Override
    public String toString() {
        return spec + " " + httpMethod + " " + pathTemplate + (operationId == null ? "" : " (" + operationId + ")");
    }
}
