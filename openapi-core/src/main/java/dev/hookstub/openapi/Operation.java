package dev.hookstub.openapi;

import java.util.List;
import java.util.Optional;

/**
 * One operation of a spec, flattened so tests need not walk the document.
 *
 * @param httpMethod               upper case, e.g. {@code GET}
 * @param pathTemplate             exactly as in the spec, e.g. {@code /webhooks/{webhookId}}
 * @param responseStatuses         declared response keys in spec order, e.g. {@code 200},
 *                                 {@code 4XX}, {@code default}
 * @param security                 effective requirements: the operation's own if it declares
 *                                 {@code security}, else the document's; empty means none
 * @param parameters               path-level and operation-level merged, operation-level winning
 *                                 for the same name and location
 * @param requestBodySchemaPointer JSON pointer to the request body's (JSON) schema, if any
 */
public record Operation(
        String spec,
        String httpMethod,
        String pathTemplate,
        String operationId,
        List<String> responseStatuses,
        List<SecurityRequirement> security,
        List<Parameter> parameters,
        Optional<String> requestBodySchemaPointer) {

    public Operation {
        responseStatuses = List.copyOf(responseStatuses);
        security = List.copyOf(security);
        parameters = List.copyOf(parameters);
    }

    /** JSON pointer of this operation's object inside the spec document. */
    public String pointer() {
        return "/paths/" + JsonPointers.escape(pathTemplate) + "/" + httpMethod.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return spec + " " + httpMethod + " " + pathTemplate + " (" + operationId + ")";
    }
}
