package dev.hookstub.server.error;

import static dev.hookstub.server.error.DeclaredErrors.assertWrittenAsDeclared;
import static dev.hookstub.server.error.ErrorResponses.assertErrorResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookstub.server.error.ErrorFormat.ValidationTarget;
import org.junit.jupiter.api.Test;

/** The stub's own {"message", "field"} format: the admin API's, equalsmoney's, and that of paths no API owns. */
class MessageErrorFormatTest {

    private final MessageErrorFormat format = new MessageErrorFormat();

    @Test
    void writesTheMessageAndTheFieldThatCausedIt() {
        assertErrorResponse(new ApiProblemMapper(format).toResponse(
                ApiProblem.invalid(400, "url", "The url must be an absolute https URL.")), 400, "application/json", """
                {"message": "The url must be an absolute https URL.", "field": "url"}
                """);
    }

    @Test
    void leavesTheFieldOutWhenNoFieldCausedIt() {
        assertErrorResponse(new ApiProblemMapper(format).toResponse(
                ApiProblem.forbidden("This key may not read this account's webhooks.")), 403, "application/json", """
                {"message": "This key may not read this account's webhooks."}
                """);
    }

    @Test
    void answersAnInvalidPathParameterWith404AndAnyOtherInvalidInputWith400() {
        assertEquals(404, format.validationStatus(ValidationTarget.PATH_PARAMETER));
        assertEquals(400, format.validationStatus(ValidationTarget.QUERY_PARAMETER));
        assertEquals(400, format.validationStatus(ValidationTarget.BODY));
        assertErrorResponse(new JsonProcessingExceptionMapper(format).toResponse(ErrorResponses.unreadableBody()),
                400, "application/json", """
                {"message": "The request body is not valid JSON for this operation."}
                """);
    }

    @Test
    void writesEveryErrorItsSpecDeclaresAsDeclaredThroughEveryMapper() {
        // admin.yaml: the admin API's Error, as application/json; Equals Money, whose spec declares no error body, answers in it too.
        assertWrittenAsDeclared("admin.yaml", format);
    }
}
