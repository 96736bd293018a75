package dev.hookstub.conformance.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.builder.RequestSpecBuilder;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a spec says a credential is sent, read from its first usable security scheme: HTTP bearer
 * ({@code Authorization: Bearer X}) or an API key in a header ({@code <name>: X}). OAuth2 tokens go as bearer.
 */
public record SecurityScheme(String header, String prefix) {

    public static SecurityScheme of(OpenApiSpec spec) {
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

    /**
     * Every header that may carry a credential of this spec, lower case: {@code authorization} and each header an
     * {@code apiKey} scheme names. These are masked wherever a request is recorded.
     */
    public static Set<String> credentialHeaderNames(OpenApiSpec spec) {
        Set<String> names = new TreeSet<>();
        names.add("authorization");
        spec.at("/components/securitySchemes").forEach(scheme -> {
            if (scheme.path("type").asText().equals("apiKey") && scheme.path("in").asText().equals("header")) {
                names.add(scheme.path("name").asText().toLowerCase(Locale.ROOT));
            }
        });
        return names;
    }

    private static SecurityScheme from(JsonNode scheme) {
        String type = scheme.path("type").asText();
        if (type.equals("apiKey") && scheme.path("in").asText().equals("header")) {
            return new SecurityScheme(scheme.path("name").asText(), "");
        }
        return new SecurityScheme("Authorization", "Bearer ");
    }

    /** The header value that presents {@code credential}, e.g. {@code Bearer X}. */
    public String headerValue(String credential) {
        return prefix + credential;
    }

    public void apply(RequestSpecBuilder builder, String credential) {
        if (credential != null) {
            builder.addHeader(header, headerValue(credential));
        }
    }
}
