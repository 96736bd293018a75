package dev.hookstub.conformance.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.builder.RequestSpecBuilder;
import java.util.Iterator;

/**
 * How a spec says a credential is sent, read from its first usable security scheme: HTTP bearer
 * ({@code Authorization: Bearer X}) or an API key in a header ({@code <name>: X}). OAuth2 tokens go as bearer.
 */
record SecurityScheme(String header, String prefix) {

    static SecurityScheme of(OpenApiSpec spec) {
        JsonNode schemes = spec.at("/components/securitySchemes");
        Iterator<String> names = schemes.fieldNames();
        // Prefer the scheme the first operation's own security names, so Mollie's token schemes win over apiKey.
        for (Operation operation : spec.operations()) {
            for (SecurityRequirement requirement : operation.security()) {
                for (String name : requirement.schemes().keySet()) {
                    return from(schemes.path(name));
                }
            }
        }
        return names.hasNext() ? from(schemes.path(names.next())) : new SecurityScheme("Authorization", "Bearer ");
    }

    private static SecurityScheme from(JsonNode scheme) {
        String type = scheme.path("type").asText();
        if (type.equals("apiKey") && scheme.path("in").asText().equals("header")) {
            return new SecurityScheme(scheme.path("name").asText(), "");
        }
        return new SecurityScheme("Authorization", "Bearer ");
    }

    void apply(RequestSpecBuilder builder, String credential) {
        if (credential != null) {
            builder.addHeader(header, prefix + credential);
        }
    }
}
