package dev.hookstub.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A parameter's text is read as its schema's type says, and what anyone may send stays cheap to read. */
class ParameterCodecTest {

    @Test
    void textIsReadAsTheTypeTheSchemaNames() {
        assertEquals("5", ParameterCodec.typed("5", List.of("integer")).toString());
        assertTrue(ParameterCodec.typed("5", List.of("integer")).isIntegralNumber());
        assertTrue(ParameterCodec.typed("5", List.of("string")).isTextual());
        assertTrue(ParameterCodec.typed("-1.5E-7", List.of("number")).isNumber());
        assertTrue(ParameterCodec.typed("true", List.of("boolean")).isBoolean());
        assertTrue(ParameterCodec.typed("", List.of("integer", "null")).isNull());
        assertTrue(ParameterCodec.typed("x", List.of("integer")).isTextual(), "a wrong type stays text");
    }

    @Test
    void aNumberTooLongToReadCheaplyStaysText() {
        assertTrue(ParameterCodec.typed("9".repeat(400), List.of("integer")).isIntegralNumber());
        assertTrue(ParameterCodec.typed("9".repeat(401), List.of("integer")).isTextual());
        assertTrue(ParameterCodec.typed("1e9999", List.of("number")).isNumber());
        assertTrue(ParameterCodec.typed("1e99999999999", List.of("number")).isTextual(),
                "an exponent beyond an int's range does not parse at all");
    }
}
