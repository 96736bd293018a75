package dev.hookstub.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON text a value is validated as says what Jackson's own writer says, for every kind of value. */
class SchemaCatalogTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void aValueIsWrittenAsTheSameJsonJacksonWrites() throws Exception {
        List<JsonNode> values = List.of(NODES.textNode("wbh_abc12345def678"), NODES.textNode(""),
                NODES.textNode("quote \" backslash \\ tab \t newline \n nul \u0000 é € \uD83D\uDE00"),
                NODES.numberNode(42), NODES.numberNode(-7L), NODES.numberNode(new BigInteger("9".repeat(40))),
                NODES.numberNode(1.5), NODES.booleanNode(true), NODES.nullNode(),
                JSON.readTree("[1,\"a\"]"), JSON.readTree("{\"a\":{\"b\":null}}"));
        for (JsonNode value : values) {
            assertEquals(JSON.readTree(value.toString()), JSON.readTree(SchemaCatalog.jsonText(value)),
                    "read back: " + value);
            assertEquals(value.toString(), SchemaCatalog.jsonText(value), "as Jackson writes it: " + value);
        }
    }

    @Test
    void aStringIsQuotedNotWrittenBare() {
        assertEquals("\"42\"", SchemaCatalog.jsonText(NODES.textNode("42")));
        assertNotEquals(SchemaCatalog.jsonText(NODES.numberNode(42)), SchemaCatalog.jsonText(NODES.textNode("42")));
    }
}
