package dev.hookstub.server.mijnklantportaal;

import static dev.hookstub.server.error.ErrorResponses.assertErrorResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.error.ApiProblemMapper;
import dev.hookstub.server.error.DeclaredErrors;
import dev.hookstub.server.error.ErrorFormat.ValidationTarget;
import dev.hookstub.server.error.ErrorResponses;
import dev.hookstub.server.error.JsonProcessingExceptionMapper;
import dev.hookstub.server.error.WebApplicationExceptionMapper;
import jakarta.ws.rs.NotFoundException;
import org.glassfish.jersey.server.ParamException;
import org.junit.jupiter.api.Test;

/** MijnKlantportaal's Error_ApiError: {"message": "..."} and nothing else; invalid input is a 422. */
class MijnklantportaalErrorFormatTest {

    private final MijnklantportaalErrorFormat format = new MijnklantportaalErrorFormat();

    @Test
    void writesTheMessageAloneEvenWhenAFieldCausedIt() {
        assertErrorResponse(new ApiProblemMapper(format).toResponse(
                ApiProblem.invalid(422, "url", "The url must be an absolute https URL.")), 422, "application/json", """
                {"message": "The url must be an absolute https URL."}
                """);
    }

    @Test
    void answersAMissingKeyWith401AndItsMessage() {
        assertErrorResponse(new ApiProblemMapper(format).toResponse(
                ApiProblem.unauthenticated("Missing or invalid API key.", "Bearer")), 401, "application/json", """
                {"message": "Missing or invalid API key."}
                """);
    }

    @Test
    void mapsNotFoundToTheApiOwnErrorBody() {
        assertErrorResponse(new WebApplicationExceptionMapper(format).toResponse(new NotFoundException()),
                404, "application/json", """
                {"message": "The requested resource does not exist."}
                """);
    }

    @Test
    void answersAnUnreadableBodyWith422() {
        assertErrorResponse(new JsonProcessingExceptionMapper(format).toResponse(ErrorResponses.unreadableBody()),
                422, "application/json", """
                {"message": "The request body is not valid JSON for this operation."}
                """);
    }

    @Test
    void answersAnInvalidWebhookIdWith404AndAnyOtherInvalidInputWith422() {
        assertEquals(404, format.validationStatus(ValidationTarget.PATH_PARAMETER));
        assertEquals(422, format.validationStatus(ValidationTarget.QUERY_PARAMETER));
        assertEquals(422, format.validationStatus(ValidationTarget.BODY));
        assertErrorResponse(new WebApplicationExceptionMapper(format).toResponse(
                new ParamException.PathParamException(new IllegalArgumentException(), "webhookId", null)),
                404, "application/json", """
                {"message": "The webhookId parameter has an invalid value."}
                """);
    }

    @Test
    void writesEveryErrorItsSpecDeclaresAsDeclaredThroughEveryMapper() {
        // mijnklantportaal.yaml: Error_ApiError, as application/json.
        DeclaredErrors.assertWrittenAsDeclared("mijnklantportaal.yaml", format);
    }
}
