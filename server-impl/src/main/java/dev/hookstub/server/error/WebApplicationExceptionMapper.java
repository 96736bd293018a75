package dev.hookstub.server.error;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.server.ParamException;

/**
 * Jersey's own refusals (no such path, method not allowed, unsupported media type, unconvertible parameter)
 * rewritten in the API's error format, keeping the headers that matter (Allow on a 405).
 */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private final ErrorFormat format;
    @jakarta.ws.rs.core.Context
    private jakarta.inject.Provider<jakarta.ws.rs.container.ContainerRequestContext> request;

    public WebApplicationExceptionMapper(ErrorFormat format) {
        this.format = format;
    }

    @Override
    public Response toResponse(WebApplicationException exception) {
        return ApiProblemMapper.render(format, toProblem(exception), request);
    }

    private ApiProblem toProblem(WebApplicationException exception) {
        if (exception instanceof ParamException param) {
            return paramProblem(param);
        }
        int status = exception.getResponse().getStatus();
        Map<String, String> headers = new HashMap<>();
        String allow = exception.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            headers.put(HttpHeaders.ALLOW, withHead(allow));
        }
        String detail;
        if (exception instanceof NotAllowedException) {
            detail = "The requested method is not supported for this resource.";
        } else if (exception instanceof NotSupportedException) {
            detail = "The request's Content-Type is not supported; send application/json.";
        } else if (exception instanceof NotAcceptableException) {
            detail = "None of the media types in the Accept header can be produced.";
        } else if (exception instanceof NotFoundException) {
            detail = "The requested resource does not exist.";
        } else {
            detail = Response.Status.fromStatusCode(status) != null
                    ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Request failed.";
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        return new ApiProblem(status, title, detail, null, headers);
    }

    /**
     * Jersey answers HEAD wherever it answers GET (and lists it in its OPTIONS answer), but leaves it out of a 405's
     * {@code Allow}; RFC 9110 §10.2.1 asks for the methods the resource supports, so it is put back.
     */
    static String withHead(String allow) {
        List<String> methods = Arrays.stream(allow.split(",")).map(String::trim).toList();
        if (!methods.contains("GET") || methods.contains("HEAD")) {
            return allow;
        }
        String separator = allow.contains(", ") ? ", " : ",";
        return "HEAD" + separator + allow;
    }

    private ApiProblem paramProblem(ParamException param) {
        ErrorFormat.ValidationTarget target = param instanceof ParamException.PathParamException
                ? ErrorFormat.ValidationTarget.PATH_PARAMETER : ErrorFormat.ValidationTarget.QUERY_PARAMETER;
        return ApiProblem.invalid(format.validationStatus(target), param.getParameterName(),
                "The " + param.getParameterName() + " parameter has an invalid value.");
    }
}
