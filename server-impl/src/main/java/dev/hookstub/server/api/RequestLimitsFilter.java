package dev.hookstub.server.api;

import dev.hookstub.server.error.ApiProblem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import dev.hookstub.server.http.RequestLimits;

/**
 * The body's bound, and a Content-Type Jersey can parse, checked before anything else so that such a request is
 * refused cheaply and in the API's own error format (Jersey's own refusal of a malformed header value is a bare
 * 400). The URL's and the headers' bounds are the front door's, for every path the stub serves; Grizzly itself
 * refuses header blocks over {@link RequestLimits#MAX_HEADER_BLOCK_BYTES}, before any application sees them.
 */
@PreMatching
@Priority(0)
public final class RequestLimitsFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> contentTypes = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        if (contentTypes != null && !contentTypes.isEmpty()) {
            if (contentTypes.size() > 1) {
                throw new ApiProblem(415, "Unsupported Media Type", "Send one Content-Type header, not several.", null);
            }
            try {
                jakarta.ws.rs.core.MediaType.valueOf(contentTypes.get(0));
            } catch (IllegalArgumentException malformed) {
                throw new ApiProblem(415, "Unsupported Media Type",
                        "The Content-Type header is not a media type; send application/json.", null);
            }
        }
        String encoding = request.getHeaderString(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            // Read as it came, a gzip body was "not JSON" (an illegal CTRL-CHAR) and a br one taken as plain text.
            // RFC 9110 §15.5.16: a 415 for a content coding not taken, Accept-Encoding saying which are.
            throw new ApiProblem(415, "Unsupported Media Type", "The request's Content-Encoding " + encoding.strip()
                    + " is not supported: send the body unencoded.", null, java.util.Map.of("Accept-Encoding",
                    "identity"));
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.chars().allMatch(Character::isDigit) && length.length() > 0
                && (length.length() > 9 || Long.parseLong(length) > RequestLimits.MAX_BODY_BYTES)) {
            throw RequestLimits.bodyTooLarge();
        }
    }
}
