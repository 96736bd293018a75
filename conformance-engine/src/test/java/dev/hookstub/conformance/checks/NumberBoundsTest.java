package dev.hookstub.conformance.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.openapi.OpenApiSpec;
import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated numbers keep to their schema's bounds wherever those lie, as the validator judges them, and are drawn,
 * not fixed: a long overflowed on int64's range, and the generator then fell back to the example for ever.
 */
class NumberBoundsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DRAWS = 200;

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\": \"integer\", \"format\": \"int64\", \"minimum\": -9223372036854775808, \"maximum\": 9223372036854775807}",
            "{\"type\": \"integer\", \"minimum\": 9223372036854775000}",
            "{\"type\": \"integer\", \"minimum\": 100000000000000000000, \"maximum\": 100000000000000001000}",
            "{\"type\": \"integer\", \"maximum\": -9223372036854775000}",
            "{\"type\": \"integer\", \"minimum\": 0.5, \"maximum\": 3.5}",
            "{\"type\": \"integer\", \"exclusiveMinimum\": 0, \"exclusiveMaximum\": 4}",
            "{\"type\": \"integer\", \"minimum\": 0, \"maximum\": 1000, \"multipleOf\": 7}",
            "{\"type\": \"integer\", \"minimum\": 0, \"maximum\": 1000, \"multipleOf\": 1.5}",
            "{\"type\": \"number\", \"minimum\": 0, \"maximum\": 5}",
            "{\"type\": \"number\", \"exclusiveMinimum\": 0, \"exclusiveMaximum\": 1}",
            "{\"type\": \"number\", \"minimum\": 0, \"maximum\": 100, \"multipleOf\": 0.25}",
            "{\"type\": \"number\", \"minimum\": -1e30, \"maximum\": 1e30}"})
    void everyDrawnValueIsValidAndTheyVary(String schema) throws Exception {
        assertDrawsValidAndVarying(spec("3.1.0", schema), DRAWS);
    }

    /** OpenAPI 3.0's exclusive bounds are flags beside minimum and maximum. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\": \"integer\", \"minimum\": 0, \"exclusiveMinimum\": true, \"maximum\": 3, \"exclusiveMaximum\": true}",
            "{\"type\": \"number\", \"minimum\": 0, \"exclusiveMinimum\": true, \"maximum\": 0.05, \"exclusiveMaximum\": true}"})
    void openApi30ExclusiveFlagsAreKept(String schema) throws Exception {
        assertDrawsValidAndVarying(spec("3.0.3", schema), DRAWS);
    }

    private static void assertDrawsValidAndVarying(OpenApiSpec spec, int draws) {
        SchemaValues values = new SchemaValues(spec, new Random(11));
        Set<JsonNode> seen = new HashSet<>();
        for (int i = 0; i < draws; i++) {
            Optional<JsonNode> value = values.generate(POINTER, dev.hookstub.openapi.SchemaCatalog.Direction.REQUEST);
            assertTrue(value.isPresent(), "a value for " + spec.at(POINTER));
            assertTrue(spec.schemas().conforms(POINTER, value.get()), value.get() + " for " + spec.at(POINTER));
            seen.add(value.get());
        }
        // The schema has no example: had generation failed, generate() would have had nothing to give.
        assertTrue(seen.size() > 1, "drawn, not fixed: " + seen + " for " + spec.at(POINTER));
    }

    private static final String POINTER = "/components/schemas/Value";

    private static OpenApiSpec spec(String version, String schema) throws Exception {
        ObjectNode document = (ObjectNode) JSON.readTree("{\"openapi\": \"" + version + "\", \"info\": {\"title\": \"t\","
                + " \"version\": \"1\"}, \"paths\": {}, \"components\": {\"schemas\": {\"Value\": " + schema + "}}}");
        return OpenApiSpec.fromDocument("t", document);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\": \"integer\", \"minimum\": 2, \"maximum\": 2}"})
    void aSingleAllowedValueIsTheOneDrawn(String schema) throws Exception {
        OpenApiSpec spec = spec("3.1.0", schema);
        assertEquals("2", new SchemaValues(spec, new Random(3)).generate(POINTER, dev.hookstub.openapi.SchemaCatalog.Direction.REQUEST).orElseThrow().asText());
    }
}
