package dev.hookstub.conformance.checks;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The "malformed JSON" request's body is no JSON, whatever the valid body was. A number cut in half is a shorter
 * number: the body {@code 8389} became {@code 83}, valid against {@code anyOf: [string, integer]}, and a server that
 * rightly took it failed negative_data_rejection.
 */
class MalformedBodyTest {

    private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @ParameterizedTest
    @ValueSource(strings = {"8389", "838", "12", "-5", "1.5e10", "true", "null", "\"text\"", "{\"a\":1}", "[1,2,3]", "[]",
            "{}", "7", "\"\"", "{\"a\":\"b\",\"c\":[1,2]}"})
    void isNoJsonWhateverTheValidBodyWas(String valid) {
        String malformed = InvalidValues.malformed(valid);
        assertThrows(JsonProcessingException.class, () -> STRICT.readTree(malformed), () -> valid + " -> " + malformed);
    }
}
