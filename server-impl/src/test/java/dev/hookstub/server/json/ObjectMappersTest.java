package dev.hookstub.server.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ObjectMappersTest {

    private final ObjectMapper mapper = ObjectMappers.create();

    /** Shaped like a generated model: required properties carry {@code @JsonProperty(required = true)}. */
    static final class Model {
        @JsonProperty(required = true, value = "requiredNullable")
        public String requiredNullable;
        @JsonProperty("optional")
        public String optional;
    }

    @Test
    void requiredPropertiesAreWrittenAsNullAndOptionalOnesAreOmitted() throws JsonProcessingException {
        assertEquals("{\"requiredNullable\":null}", mapper.writeValueAsString(new Model()));
    }

    @Test
    void setPropertiesAreWritten() throws JsonProcessingException {
        Model model = new Model();
        model.requiredNullable = "a";
        model.optional = "b";
        assertEquals("{\"requiredNullable\":\"a\",\"optional\":\"b\"}", mapper.writeValueAsString(model));
    }

    @Test
    void dateTimesKeepTheirSecondsEvenWhenZero() throws JsonProcessingException {
        assertEquals("\"2024-04-29T19:00:00Z\"",
                mapper.writeValueAsString(java.time.OffsetDateTime.parse("2024-04-29T19:00:00Z")));
    }

    @Test
    void deeplyNestedInputIsRefused() {
        String deep = "[".repeat(ObjectMappers.MAX_NESTING_DEPTH + 10) + "]".repeat(ObjectMappers.MAX_NESTING_DEPTH + 10);
        assertThrows(JsonProcessingException.class, () -> mapper.readTree(deep));
    }
}
