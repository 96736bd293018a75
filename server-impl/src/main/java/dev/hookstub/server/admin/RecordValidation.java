package dev.hookstub.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.spec.SpecDocument;
import dev.hookstub.server.validation.SchemaValidators;
import java.util.List;

/**
 * Holds an admin-created record to the API's own response schema before it is stored, so that the stub never
 * serves a record its spec forbids.
 */
public final class RecordValidation {

    private final SchemaValidators schemas;
    private final String pointer;

    public RecordValidation(SpecDocument spec, String responseSchemaPointer) {
        this.schemas = SchemaValidators.of(spec);
        this.pointer = responseSchemaPointer;
    }

    public void check(JsonNode record) {
        List<Error> errors = schemas.at(pointer).validate(record.toString(), InputFormat.JSON);
        if (!errors.isEmpty()) {
            Error first = errors.get(0);
            String location = first.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "").replaceFirst("^/", "");
            String field = "required".equals(first.getKeyword()) ? first.getProperty()
                    : location.isEmpty() ? null : location;
            throw ApiProblem.invalid(400, field, "The record does not match the API's schema: "
                    + first.getMessage().replaceFirst("^\\$[^:]*: ", "") + (field == null ? "" : " (" + field + ")") + ".");
        }
    }
}
