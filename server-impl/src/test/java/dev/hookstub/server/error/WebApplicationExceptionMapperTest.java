package dev.hookstub.server.error;

import static dev.hookstub.server.error.ErrorResponses.assertErrorResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.server.ParamException;
import org.junit.jupiter.api.Test;

/** Jersey's own refusals, in the stub's own format (the one the admin API and equalsmoney use). */
class WebApplicationExceptionMapperTest {

    private final WebApplicationExceptionMapper mapper = new WebApplicationExceptionMapper(new MessageErrorFormat());

    @Test
    void mapsNoSuchPathToA404InTheFormatsOwnBody() {
        assertErrorResponse(mapper.toResponse(new NotFoundException()), 404, "application/json", """
                {"message": "The requested resource does not exist."}
                """);
    }

    @Test
    void mapsMethodNotAllowedToA405KeepingTheAllowHeaderWithHeadBesideGet() {
        Response jersey = Response.status(405).header("Allow", "GET, DELETE, OPTIONS").build();
        Response response = mapper.toResponse(new NotAllowedException(jersey));
        assertErrorResponse(response, 405, "application/json", """
                {"message": "The requested method is not supported for this resource."}
                """);
        assertEquals("HEAD, GET, DELETE, OPTIONS", response.getHeaderString("Allow"));
    }

    @Test
    void anAllowWithoutGetOrWithHeadAlreadyIsKeptAsItIs() {
        assertEquals("POST,OPTIONS", WebApplicationExceptionMapper.withHead("POST,OPTIONS"));
        assertEquals("HEAD,GET,OPTIONS", WebApplicationExceptionMapper.withHead("HEAD,GET,OPTIONS"));
        assertEquals("HEAD,GET,OPTIONS", WebApplicationExceptionMapper.withHead("GET,OPTIONS"));
    }

    @Test
    void mapsAnUnsupportedContentTypeToA415AskingForJson() {
        assertErrorResponse(mapper.toResponse(new NotSupportedException()), 415, "application/json", """
                {"message": "The request's Content-Type is not supported; send application/json."}
                """);
    }

    @Test
    void mapsAnUnsatisfiableAcceptHeaderToA406() {
        assertErrorResponse(mapper.toResponse(new NotAcceptableException()), 406, "application/json", """
                {"message": "None of the media types in the Accept header can be produced."}
                """);
    }

    @Test
    void mapsAnUnconvertiblePathParameterToThePathValidationStatusNamingIt() {
        ParamException bad = new ParamException.PathParamException(new NumberFormatException("For input string: \"x\""),
                "webhookId", null);
        assertErrorResponse(mapper.toResponse(bad), 404, "application/json", """
                {"message": "The webhookId parameter has an invalid value.", "field": "webhookId"}
                """);
    }

    @Test
    void mapsAnUnconvertibleQueryParameterToTheQueryValidationStatusNamingIt() {
        ParamException bad = new ParamException.QueryParamException(new IllegalArgumentException("not a boolean"),
                "testmode", "false");
        assertErrorResponse(mapper.toResponse(bad), 400, "application/json", """
                {"message": "The testmode parameter has an invalid value.", "field": "testmode"}
                """);
    }

    @Test
    void mapsAnyOtherRefusalToItsStatusAndReasonPhraseDroppingJerseysOwnBodyAndHeaders() {
        Response jersey = Response.status(409).entity("org.example.InternalConflict: row 7").header("X-Debug", "1").build();
        Response response = mapper.toResponse(new WebApplicationException(jersey));
        assertErrorResponse(response, 409, "application/json", """
                {"message": "Conflict"}
                """);
        assertNull(response.getHeaderString("X-Debug"));
    }

    @Test
    void mapsAStatusWithoutAReasonPhraseToRequestFailed() {
        Response response = mapper.toResponse(new WebApplicationException(499));
        assertErrorResponse(response, 499, "application/json", """
                {"message": "Request failed."}
                """);
        assertEquals("Error", response.getStatusInfo().getReasonPhrase());
    }
}
