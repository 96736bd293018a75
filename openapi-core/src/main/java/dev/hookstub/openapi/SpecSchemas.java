package dev.hookstub.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import java.util.List;

/**
 * Any value checked against a schema of a spec, with the same validator (OpenAPI 3.1 dialect, formats asserted) the
 * response checks use: the generator of test inputs asks it whether a value it made is really valid (or invalid).
 */
public final class SpecSchemas {

    private SpecSchemas() {
    }

    /** Why {@code value} breaks the schema at {@code schemaPointer}; empty when it conforms. */
    public static List<String> errors(OpenApiSpec spec, String schemaPointer, JsonNode value) {
        return CompiledSchemas.forPointer(spec, schemaPointer).validate(value.toString(), InputFormat.JSON).stream()
                .map(Error::getMessage)
                .toList();
    }

    public static boolean conforms(OpenApiSpec spec, String schemaPointer, JsonNode value) {
        return errors(spec, schemaPointer, value).isEmpty();
    }
}
