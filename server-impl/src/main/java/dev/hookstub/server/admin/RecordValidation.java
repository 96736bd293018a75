package dev.hookstub.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.SchemaCatalog;
import dev.hookstub.server.error.ApiProblem;
import java.util.List;

/**
 * Holds an admin-created record to the API's own response schema before it is stored, so that the stub never
 * serves a record its spec forbids.
 */
public final class RecordValidation {

    /** Its schemas are compiled when the first record is checked, not when the API is loaded. */
    private final OpenApiSpec spec;
    private final String pointer;

    public RecordValidation(OpenApiSpec spec, String responseSchemaPointer) {
        this.spec = spec;
        this.pointer = responseSchemaPointer;
    }

    public void check(JsonNode record) {
        List<Error> errors = spec.schemas().validate(pointer, record, SchemaCatalog.Direction.NONE);
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
