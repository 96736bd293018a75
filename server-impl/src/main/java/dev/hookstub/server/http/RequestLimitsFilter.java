package dev.hookstub.server.http;

import dev.hookstub.server.error.ApiProblem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Map;

/**
 * Explicit bounds on what one request may carry, and a Content-Type Jersey can parse, checked before anything
 * else so that such a request is refused cheaply and in the API's own error format (Jersey's own refusal of a
 * malformed header value is a bare 400). (Grizzly itself refuses header blocks over
 * {@link #MAX_HEADER_BLOCK_BYTES}, before any application sees them.)
 */
@PreMatching
@Priority(0)
public final class RequestLimitsFilter implements ContainerRequestFilter {

    public static final int MAX_URI_BYTES = 8 * 1024;
    public static final int MAX_HEADER_BYTES = 16 * 1024;
    public static final int MAX_HEADER_BLOCK_BYTES = 256 * 1024;
    public static final int MAX_BODY_BYTES = 64 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getUriInfo().getRequestUri().toString().length() > MAX_URI_BYTES) {
            throw new ApiProblem(414, "URI Too Long", "The request URL is longer than " + MAX_URI_BYTES + " bytes.", null);
        }
        int headerBytes = 0;
        for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
            for (String value : header.getValue()) {
                headerBytes += header.getKey().length() + value.length() + 4;
            }
        }
        if (headerBytes > MAX_HEADER_BYTES) {
            throw new ApiProblem(431, "Request Header Fields Too Large",
                    "The request headers are larger than " + MAX_HEADER_BYTES + " bytes.", null);
        }
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
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.chars().allMatch(Character::isDigit) && length.length() > 0
                && (length.length() > 9 || Long.parseLong(length) > MAX_BODY_BYTES)) {
            throw new ApiProblem(413, "Payload Too Large",
                    "The request body is larger than " + MAX_BODY_BYTES + " bytes.", null);
        }
    }
}
