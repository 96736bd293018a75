package dev.hookstub.server.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.journal.SpecViolation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViolationsHeaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachViolationIsAnObjectOfWhereWhichCheckWhatPointerAndWhy() throws Exception {
        JsonNode header = JSON.readTree(ViolationsHeader.value(List.of(new SpecViolation("response",
                "response_schema_conformance", "/id", "string found, integer expected"))));
        assertEquals("[{\"in\":\"response\",\"check\":\"response_schema_conformance\",\"pointer\":\"/id\","
                + "\"reason\":\"string found, integer expected\"}]", header.toString());
    }

    @Test
    void aHeaderStaysShortAsciiAndOnOneLine() throws Exception {
        List<SpecViolation> many = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add(new SpecViolation("response", "response_schema_conformance", "/items/" + i,
                    "é\nwrong " + "x".repeat(500)));
        }
        String value = ViolationsHeader.value(many);
        assertTrue(value.chars().allMatch(c -> c >= 0x20 && c < 0x7f), value);
        JsonNode header = JSON.readTree(value);
        assertEquals(ViolationsHeader.MOST, header.size());
        assertEquals("é wrong " + "x".repeat(ViolationsHeader.REASON_CHARS - 8) + "...",
                header.path(0).path("reason").asText());
    }

    @Test
    void aDeepPointerKeepsItsEnd() throws Exception {
        String deep = "/children/0".repeat(500) + "/name";
        String value = ViolationsHeader.value(List.of(new SpecViolation("request", "request_body_conformance", deep,
                "string found, integer expected")));
        String shown = JSON.readTree(value).path(0).path("pointer").asText();
        assertEquals("..." + deep.substring(deep.length() - ViolationsHeader.REASON_CHARS), shown);
        assertTrue(value.length() < 1_000, "a header of " + value.length() + " characters");
    }
}
