package dev.hookstub.server.fault;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.server.auth.BearerToken;
import dev.hookstub.openapi.JsonPointers;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The credential a request presents, read the way the API's security scheme (and so its {@code ApiAuthFilter})
 * reads it: the token of {@code Authorization: Bearer} for an {@code http bearer} or {@code oauth2} scheme, the
 * header's whole stripped value for an {@code apiKey} in a header. It is read from the spec rather than asked of
 * the auth filter because rules apply before any Jersey application, and plumbing knows no API's classes.
 */
final class PresentedCredential {

    private final String header;
    private final boolean bearer;

    private PresentedCredential(String header, boolean bearer) {
        this.header = header;
        this.bearer = bearer;
    }

    /** The first scheme the document's security names, else an operation's, else the first one declared. */
    static PresentedCredential of(OpenApiSpec spec) {
        List<String> named = new ArrayList<>();
        spec.node("/security").forEach(requirement -> requirement.fieldNames().forEachRemaining(named::add));
        for (Operation operation : spec.operations()) {
            spec.node(operation.pointer() + "/security").forEach(requirement ->
                    requirement.fieldNames().forEachRemaining(named::add));
        }
        spec.node("/components/securitySchemes").fieldNames().forEachRemaining(named::add);
        for (String name : named) {
            JsonNode scheme = spec.node(spec.resolve(JsonPointers.append("/components/securitySchemes", name)));
            String type = scheme.path("type").asText();
            if (type.equals("apiKey") && scheme.path("in").asText().equals("header")) {
                return new PresentedCredential(scheme.path("name").asText(), false);
            }
            if (type.equals("oauth2") || type.equals("http") && scheme.path("scheme").asText().equalsIgnoreCase("bearer")) {
                return new PresentedCredential("Authorization", true);
            }
        }
        return new PresentedCredential(null, false);
    }

    /** The credential in these request headers, or null when there is none. */
    String from(UnaryOperator<String> headers) {
        String value = header == null ? null : headers.apply(header);
        if (value == null) {
            return null;
        }
        String credential = bearer ? BearerToken.from(value) : value.strip();
        return credential == null || credential.isEmpty() ? null : credential;
    }
}
