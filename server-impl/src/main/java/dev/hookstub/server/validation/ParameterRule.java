package dev.hookstub.server.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import dev.hookstub.openapi.ParameterCodec;
import dev.hookstub.openapi.SchemaCatalog;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One declared path or query parameter: its raw string value is read as the schema's type says (openapi-core's
 * {@link ParameterCodec}), then validated against the schema at {@code schemaPointer}.
 *
 * @param types    the types the parameter's schema names
 * @param typeOnly whether the schema asserts nothing but its {@code type} (see {@link #assertsOnlyType})
 * @param schemas  the spec's compiled schemas, asked for only when the library judges: making them initialises the
 *                 library, which a start's first read would otherwise wait for
 */
record ParameterRule(String name, String in, boolean required, List<String> types, boolean typeOnly,
                     Supplier<SchemaCatalog> schemas, String schemaPointer) {

    /** Keywords that assert nothing of a value (OpenAPI's annotations), beside {@code type}. */
    private static final Set<String> ANNOTATIONS = Set.of("type", "description", "title", "example", "examples",
            "deprecated");

    /**
     * A value whose type the schema names passes a schema that asserts only its type: that is all the schema could
     * check. The JSON Schema library is asked only otherwise, and it alone words a refusal. A start's first read of
     * such a parameter then waits for neither the library nor its compilation of the schema.
     */
    List<Error> validate(String raw) {
        JsonNode value = ParameterCodec.typed(raw, types);
        if (typeOnly && (types.isEmpty() || types.contains(typeOf(value))
                || value.isIntegralNumber() && types.contains("number"))) {
            return List.of();
        }
        return schemas.get().validate(schemaPointer, value, SchemaCatalog.Direction.NONE);
    }

    /** Whether a parameter's schema has no keyword beyond {@code type} and annotations ({@code x-} extensions too). */
    static boolean assertsOnlyType(JsonNode schema) {
        if (!schema.isObject()) {
            return false;
        }
        for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ANNOTATIONS.contains(name) && !name.startsWith("x-")) {
                return false;
            }
        }
        return true;
    }

    private static String typeOf(JsonNode value) {
        return value.isIntegralNumber() ? "integer" : value.isNumber() ? "number" : value.isBoolean() ? "boolean"
                : value.isNull() ? "null" : "string";
    }
}
