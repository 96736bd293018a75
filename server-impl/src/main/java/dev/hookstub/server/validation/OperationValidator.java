package dev.hookstub.server.validation;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.error.ErrorFormat;
import dev.hookstub.server.error.ErrorFormat.ValidationTarget;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Checks one operation's parameters and body against its spec before the resource runs. */
final class OperationValidator {

    private final List<ParameterRule> parameters;
    private final Schema bodySchema;
    private final ErrorFormat format;
    private final ObjectMapper json;

    OperationValidator(List<ParameterRule> parameters, Schema bodySchema, ErrorFormat format, ObjectMapper json) {
        this.parameters = parameters;
        this.bodySchema = bodySchema;
        this.format = format;
        this.json = json;
    }

    boolean hasBody() {
        return bodySchema != null;
    }

    void validateParameters(MultivaluedMap<String, String> pathParameters, MultivaluedMap<String, String> query) {
        for (ParameterRule rule : parameters) {
            boolean inPath = rule.in().equals("path");
            ValidationTarget target = inPath ? ValidationTarget.PATH_PARAMETER : ValidationTarget.QUERY_PARAMETER;
            List<String> values = (inPath ? pathParameters : query).get(rule.name());
            if (values == null || values.isEmpty()) {
                if (rule.required()) {
                    throw ApiProblem.invalid(format.validationStatus(target), rule.name(),
                            "The " + rule.name() + " parameter is required.");
                }
                continue;
            }
            if (values.size() > 1) {
                throw ApiProblem.invalid(format.validationStatus(target), rule.name(),
                        "The " + rule.name() + " parameter must be given once.");
            }
            List<Error> errors = rule.validate(values.get(0));
            if (!errors.isEmpty()) {
                throw ApiProblem.invalid(format.validationStatus(target), rule.name(),
                        "The " + rule.name() + " parameter is invalid: " + Messages.reason(errors.get(0)) + ".");
            }
        }
    }

    /** Validates the body bytes; an absent or empty body is validated as if nothing were sent. */
    void validateBody(byte[] body) {
        int status = format.validationStatus(ValidationTarget.BODY);
        if (body.length == 0) {
            List<String> required = Messages.requiredProperties(bodySchema);
            String field = required.isEmpty() ? null : required.get(0);
            throw ApiProblem.invalid(status, field, required.isEmpty()
                    ? "The request body is required."
                    : "The request body is missing; the fields " + String.join(", ", required) + " are required.");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            throw ApiProblem.invalid(status, null, "The request body is not valid JSON: " + Messages.parseProblem(e) + ".");
        }
        List<Error> errors = bodySchema.validate(node);
        if (!errors.isEmpty()) {
            Messages.Alternatives alternatives = Messages.alternatives(errors);
            if (alternatives != null) {
                throw ApiProblem.invalid(status, alternatives.field(), alternatives.message());
            }
            Error first = errors.get(0);
            String field = Messages.field(first);
            throw ApiProblem.invalid(status, field, Messages.bodyMessage(field, first));
        }
    }
}
