package dev.hookstub.server.validation;

import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.http.RequestLimits;
import dev.hookstub.server.journal.RequestNotes;
import dev.hookstub.server.spec.RequestPaths;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Runs after authentication and before the resource: finds the spec operation Jersey matched and checks the
 * request against it, so that a resource only ever sees input its spec allows.
 */
@Priority(Priorities.USER)
public final class RequestValidationFilter implements ContainerRequestFilter {

    private final SpecRequestValidator validator;

    @Context
    private ExtendedUriInfo uriInfo;

    public RequestValidationFilter(SpecRequestValidator validator) {
        this.validator = validator;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        OperationValidator operation = validator.operation(request.getMethod(), requestPath(), matchedTemplate());
        if (operation == null) {
            return;
        }
        bySpec(request, () -> operation.validateParameters(uriInfo.getPathParameters(true),
                uriInfo.getQueryParameters(true)));
        if (operation.hasBody()) {
            // A body too large or too slow is a limit's refusal (the mappers note it), not the spec's.
            byte[] body = readBounded(request.getEntityStream());
            RequestNotes.body(request, body);
            bySpec(request, () -> operation.validateBody(body));
            request.setEntityStream(new ByteArrayInputStream(body));
        }
    }

    /** Runs a check of the spec's, noting for the journal that the spec refused the request if it does. */
    private static void bySpec(ContainerRequestContext request, Runnable check) {
        try {
            check.run();
        } catch (ApiProblem refused) {
            RequestNotes.refusal(request, SpecRequestValidator.refusalReason(refused));
            throw refused;
        }
    }


    /** The request's own path inside the application, decoded, in the form the spec writes its paths. */
    private String requestPath() {
        return RequestPaths.normalized(new StringBuilder("/").append(uriInfo.getPath(true)));
    }

    private String matchedTemplate() {
        List<UriTemplate> templates = uriInfo.getMatchedTemplates();
        StringBuilder path = new StringBuilder();
        for (int i = templates.size() - 1; i >= 0; i--) {
            String segment = templates.get(i).getTemplate();
            if (!segment.startsWith("/")) {
                path.append('/');
            }
            path.append(segment);
        }
        return RequestPaths.normalized(path);
    }

    private static byte[] readBounded(InputStream in) {
        byte[] body;
        try {
            body = in.readNBytes(RequestLimits.MAX_BODY_BYTES + 1);
        } catch (IOException stalled) {
            // The read timeout cut off a client that stopped sending, or the connection broke mid-body.
            throw RequestLimits.bodyIncomplete();
        }
        if (body.length > RequestLimits.MAX_BODY_BYTES) {
            throw RequestLimits.bodyTooLarge();
        }
        return body;
    }
}
