package dev.hookstub.server.admin;

import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.Operation;
import dev.hookstub.server.error.ApiProblem;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Providers;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A path the admin document does not have. The document spells some paths out per API ({@code /partoo/webhooks},
 * {@code /mollie/faults}), so a name the stub does not serve ({@code /stripe/webhooks}) matches no route; it is
 * answered as the templated paths answer an unknown API ({@code /stripe/requests}): a 404 naming the APIs there are.
 * Any other unknown path keeps the admin API's plain 404.
 */
final class UnknownApiMapper implements ExceptionMapper<NotFoundException> {

    private final AdminApis apis;
    /** What follows an API's name in the document's per-API paths: webhooks, events, faults... */
    private final Set<String> perApiResources;

    @Context
    private UriInfo uri;
    @Context
    private Providers providers;

    UnknownApiMapper(AdminApis apis, OpenApiSpec document) {
        this.apis = apis;
        this.perApiResources = document.operations().stream().map(Operation::pathTemplate)
                .map(template -> List.of(template.substring(1).split("/")))
                .filter(segments -> segments.size() > 1
                        && (segments.get(0).equals("{api}") || apis.serves(segments.get(0))))
                .map(segments -> segments.get(1))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Response toResponse(NotFoundException exception) {
        List<PathSegment> segments = uri.getPathSegments();
        if (segments.size() > 1 && !apis.serves(segments.get(0).getPath())
                && perApiResources.contains(segments.get(1).getPath())) {
            return providers.getExceptionMapper(ApiProblem.class)
                    .toResponse(apis.unknown(segments.get(0).getPath()));
        }
        return providers.getExceptionMapper(WebApplicationException.class).toResponse(exception);
    }
}
