package dev.hookstub.server.mollie;

import static dev.hookstub.server.error.ErrorResponses.assertErrorResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.error.ApiProblemMapper;
import dev.hookstub.server.error.DeclaredErrors;
import dev.hookstub.server.error.ErrorFormat.ValidationTarget;
import dev.hookstub.server.error.ErrorResponses;
import dev.hookstub.server.error.JsonProcessingExceptionMapper;
import dev.hookstub.server.error.WebApplicationExceptionMapper;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.server.ParamException;
import org.junit.jupiter.api.Test;

/** Mollie's error object as application/hal+json: status, title, detail, field when one caused it, the guide link. */
class MollieErrorFormatTest {

    private final MollieErrorFormat format = new MollieErrorFormat();

    @Test
    void mapsNotFoundToTheApiOwnErrorObjectWithoutAField() {
        assertErrorResponse(new ApiProblemMapper(format).toResponse(
                ApiProblem.notFound("No webhook exists with token hook_x.")), 404, "application/hal+json", """
                {
                  "status": 404,
                  "title": "Not Found",
                  "detail": "No webhook exists with token hook_x.",
                  "_links": {"documentation": {"href": "https://docs.mollie.com/overview/handling-errors", "type": "text/html"}}
                }
                """);
    }

    @Test
    void namesTheFieldOfAnInvalidParameterIn422() {
        assertErrorResponse(new WebApplicationExceptionMapper(format).toResponse(
                new ParamException.QueryParamException(new IllegalArgumentException(), "testmode", null)),
                422, "application/hal+json", """
                {
                  "status": 422,
                  "title": "Unprocessable Entity",
                  "detail": "The testmode parameter has an invalid value.",
                  "field": "testmode",
                  "_links": {"documentation": {"href": "https://docs.mollie.com/overview/handling-errors", "type": "text/html"}}
                }
                """);
    }

    @Test
    void answersAnUnreadableBodyWith422() {
        Response response = new JsonProcessingExceptionMapper(format).toResponse(ErrorResponses.unreadableBody());
        assertErrorResponse(response, 422, "application/hal+json", """
                {
                  "status": 422,
                  "title": "Unprocessable Entity",
                  "detail": "The request body is not valid JSON for this operation.",
                  "_links": {"documentation": {"href": "https://docs.mollie.com/overview/handling-errors", "type": "text/html"}}
                }
                """);
        assertEquals("Unprocessable Entity", response.getStatusInfo().getReasonPhrase());
    }

    @Test
    void keepsTheAllowHeaderOnA405() {
        Response response = new WebApplicationExceptionMapper(format).toResponse(
                new NotAllowedException(Response.status(405).header("Allow", "GET, PATCH, DELETE").build()));
        assertErrorResponse(response, 405, "application/hal+json", """
                {
                  "status": 405,
                  "title": "Method Not Allowed",
                  "detail": "The requested method is not supported for this resource.",
                  "_links": {"documentation": {"href": "https://docs.mollie.com/overview/handling-errors", "type": "text/html"}}
                }
                """);
        assertEquals("HEAD, GET, PATCH, DELETE", response.getHeaderString("Allow"));
    }

    @Test
    void answersAnIdNotMatchingHookWith404AndAnyOtherInvalidInputWith422() {
        assertEquals(404, format.validationStatus(ValidationTarget.PATH_PARAMETER));
        assertEquals(422, format.validationStatus(ValidationTarget.QUERY_PARAMETER));
        assertEquals(422, format.validationStatus(ValidationTarget.BODY));
        assertErrorResponse(new WebApplicationExceptionMapper(format).toResponse(
                new ParamException.PathParamException(new IllegalArgumentException(), "webhookId", null)),
                404, "application/hal+json", """
                {
                  "status": 404,
                  "title": "Not Found",
                  "detail": "The webhookId parameter has an invalid value.",
                  "field": "webhookId",
                  "_links": {"documentation": {"href": "https://docs.mollie.com/overview/handling-errors", "type": "text/html"}}
                }
                """);
    }

    @Test
    void writesEveryErrorItsSpecDeclaresAsDeclaredThroughEveryMapper() {
        // mollie.json: the error object, as application/hal+json.
        DeclaredErrors.assertWrittenAsDeclared("mollie.json", format);
    }
}
