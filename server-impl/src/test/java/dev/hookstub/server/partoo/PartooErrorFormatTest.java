package dev.hookstub.server.partoo;

import static dev.hookstub.server.error.ErrorResponses.assertErrorResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.error.ApiProblemMapper;
import dev.hookstub.server.error.DeclaredErrors;
import dev.hookstub.server.error.ErrorFormat.ValidationTarget;
import dev.hookstub.server.error.ErrorResponses;
import dev.hookstub.server.error.JsonProcessingExceptionMapper;
import dev.hookstub.server.error.UnexpectedExceptionMapper;
import dev.hookstub.server.error.WebApplicationExceptionMapper;
import jakarta.ws.rs.NotFoundException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.jersey.server.ParamException;
import org.junit.jupiter.api.Test;

/** Partoo's {"errors": {...}}, keyed by what failed; a bad parameter by where it came from and its name. */
class PartooErrorFormatTest {

    private final PartooErrorFormat format = new PartooErrorFormat();
    private final ApiProblemMapper problems = new ApiProblemMapper(format);

    @Test
    void keysAnAuthenticationFailureAsAuthentication() {
        assertErrorResponse(problems.toResponse(ApiProblem.unauthenticated("Invalid API key.", "ApiKey header=\"x-APIKey\"")), 401,
                "application/json", """
                {"errors": {"authentication": "Invalid API key."}}
                """);
    }

    @Test
    void keysAnAuthorizationFailureAsAuthorization() {
        assertErrorResponse(problems.toResponse(ApiProblem.forbidden("This key may not see org 2.")), 403,
                "application/json", """
                {"errors": {"authorization": "This key may not see org 2."}}
                """);
    }

    @Test
    void mapsNotFoundToTheApiOwnErrorBodyKeyedJson() {
        assertErrorResponse(problems.toResponse(ApiProblem.notFound("Webhook not found.")), 404,
                "application/json", """
                {"errors": {"json": "Webhook not found."}}
                """);
        assertErrorResponse(new WebApplicationExceptionMapper(format).toResponse(new NotFoundException()), 404,
                "application/json", """
                {"errors": {"json": "The requested resource does not exist."}}
                """);
    }

    @Test
    void listsAnInvalidQueryParameterUnderQueryByItsName() {
        assertErrorResponse(new WebApplicationExceptionMapper(format).toResponse(
                new ParamException.QueryParamException(new NumberFormatException(), "org_id", null)), 400,
                "application/json", """
                {"errors": {"query": {"org_id": ["The org_id parameter has an invalid value."]}}}
                """);
    }

    @Test
    void listsAnInvalidBodyFieldUnderJsonByItsName() {
        assertErrorResponse(problems.toResponse(ApiProblem.invalid(422, "url", "Enter a valid URL.")), 422,
                "application/json", """
                {"errors": {"json": {"url": ["Enter a valid URL."]}}}
                """);
    }

    @Test
    void writesAProblemOfNoFieldUnderJson() {
        assertErrorResponse(new JsonProcessingExceptionMapper(format).toResponse(ErrorResponses.unreadableBody()),
                400, "application/json", """
                {"errors": {"json": "The request body is not valid JSON for this operation."}}
                """);
        Logger mapperLog = Logger.getLogger(UnexpectedExceptionMapper.class.getName());
        Level level = mapperLog.getLevel();
        mapperLog.setLevel(Level.OFF);
        try {
            assertErrorResponse(new UnexpectedExceptionMapper(format).toResponse(new IllegalStateException("bug")),
                    500, "application/json", """
                    {"errors": {"json": "The stub server failed to answer this request."}}
                    """);
        } finally {
            mapperLog.setLevel(level);
        }
    }

    @Test
    void answersANonIntegerWebhookIdWith404AndAnyOtherInvalidInputWith400() {
        assertEquals(404, format.validationStatus(ValidationTarget.PATH_PARAMETER));
        assertEquals(400, format.validationStatus(ValidationTarget.QUERY_PARAMETER));
        assertEquals(400, format.validationStatus(ValidationTarget.BODY));
        assertErrorResponse(new WebApplicationExceptionMapper(format).toResponse(
                new ParamException.PathParamException(new NumberFormatException(), "webhook_id", null)), 404,
                "application/json", """
                {"errors": {"json": "The webhook_id parameter has an invalid value."}}
                """);
    }

    @Test
    void writesEveryErrorItsSpecDeclaresAsDeclaredThroughEveryMapper() {
        // partoo.yaml: the errors object, as application/json.
        DeclaredErrors.assertWrittenAsDeclared("partoo.yaml", format);
    }
}
