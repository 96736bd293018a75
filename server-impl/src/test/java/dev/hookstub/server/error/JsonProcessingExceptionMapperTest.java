package dev.hookstub.server.error;

import static dev.hookstub.server.error.ErrorResponses.assertErrorResponse;
import static dev.hookstub.server.error.ErrorResponses.unreadableBody;

import org.junit.jupiter.api.Test;

class JsonProcessingExceptionMapperTest {

    @Test
    void answersAnUnreadableBodyWithTheFormatsBodyStatusAndNotTheParsersMessage() {
        assertErrorResponse(new JsonProcessingExceptionMapper(new MessageErrorFormat()).toResponse(unreadableBody()),
                400, "application/json", """
                {"message": "The request body is not valid JSON for this operation."}
                """);
    }
}
