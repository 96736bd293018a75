package dev.hookstub.server.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.SchemaTypes;
import dev.hookstub.server.spec.SpecFile;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A parameter whose schema asserts only its type is judged without the JSON Schema library, and exactly as the
 * library judges it: the same verdict on every value, for every kind of type-only schema.
 */
class ParameterRuleTest {

    private static final OpenApiSpec SPEC = SpecFile.load("parameter-types.json").spec();
    private static final List<String> VALUES = List.of("", "x", "a b", "5", "-5", "05", "5.0", "1e3", "-1.5E-7",
            "99999999999999999999999999", "true", "false", "True", "null", "--5", "5 ", " 5", "0x10", "NaN");

    @ParameterizedTest
    @ValueSource(strings = {"string", "integer", "number", "boolean", "integerOrString", "nullableInteger", "anything"})
    void aTypeOnlySchemaGivesTheLibrarysVerdictOnEveryValue(String name) {
        JsonNode schema = SPEC.node("/components/schemas/" + name);
        assertTrue(ParameterRule.assertsOnlyType(schema), name);
        ParameterRule shortcut = rule(name, true);
        ParameterRule library = rule(name, false);
        int accepted = 0;
        for (String value : VALUES) {
            boolean expected = library.validate(value).isEmpty();
            assertEquals(expected, shortcut.validate(value).isEmpty(), name + " with \"" + value + "\"");
            accepted += expected ? 1 : 0;
        }
        assertTrue(accepted > 0, name + " accepts some value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"uuid", "bounded"})
    void aSchemaThatAssertsMoreIsTheLibrarys(String name) {
        assertFalse(ParameterRule.assertsOnlyType(SPEC.node("/components/schemas/" + name)), name);
    }

    /** The refusal is the library's own, words and all. */
    @ParameterizedTest
    @ValueSource(strings = {"x", "5.0"})
    void aRefusedValueIsWordedByTheLibrary(String value) {
        assertEquals(rule("integer", false).validate(value).toString(), rule("integer", true).validate(value).toString());
    }

    private static ParameterRule rule(String name, boolean typeOnly) {
        String pointer = "/components/schemas/" + name;
        return new ParameterRule(name, "query", true, SchemaTypes.declared(SPEC.node(pointer)), typeOnly,
                SPEC::schemas, pointer);
    }
}
