package dev.hookstub.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a spec says a credential is sent, read from the scheme its first secured operation names (else its first
 * scheme): HTTP bearer ({@code Authorization: Bearer X}), HTTP basic ({@code Authorization: Basic base64(X)}, X being
 * {@code user:password}), or an API key in a header, a query parameter or a cookie. OAuth2 and OpenID Connect tokens
 * go as bearer.
 *
 * @param in     {@code header}, {@code query} or {@code cookie}
 * @param name   the header, query parameter or cookie that carries it
 * @param prefix put before the credential in a header ({@code Bearer }), empty otherwise
 */
public record SecurityScheme(String in, String name, String prefix) {

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
        return names.hasNext() ? from(schemes.path(names.next())) : new SecurityScheme("header", "Authorization", "Bearer ");
    }

    /**
     * Every header that may carry a credential of this spec, lower case: {@code authorization}, {@code cookie} and
     * each header an {@code apiKey} scheme names. These are masked wherever a request is recorded.
     */
    public static Set<String> credentialHeaderNames(OpenApiSpec spec) {
        Set<String> names = new TreeSet<>();
        names.add("authorization");
        names.add("cookie");
        spec.at("/components/securitySchemes").forEach(scheme -> {
            if (scheme.path("type").asText().equals("apiKey") && scheme.path("in").asText().equals("header")) {
                names.add(scheme.path("name").asText().toLowerCase(Locale.ROOT));
            }
        });
        return names;
    }

    private static SecurityScheme from(JsonNode scheme) {
        String type = scheme.path("type").asText();
        if (type.equals("apiKey")) {
            String in = scheme.path("in").asText("header");
            return new SecurityScheme(in.equals("query") || in.equals("cookie") ? in : "header",
                    scheme.path("name").asText(), "");
        }
        if (type.equals("http") && scheme.path("scheme").asText().equalsIgnoreCase("basic")) {
            return new SecurityScheme("header", "Authorization", "Basic ");
        }
        return new SecurityScheme("header", "Authorization", "Bearer ");
    }

    /** For a header: the header's name; a query parameter or cookie travels in the URL or {@code Cookie}. */
    public String header() {
        return in.equals("cookie") ? "Cookie" : name;
    }

    public boolean inQuery() {
        return in.equals("query");
    }

    /** The value that presents {@code credential}: {@code Bearer X}, {@code Basic ...}, {@code name=X} for a cookie. */
    public String headerValue(String credential) {
        if (in.equals("cookie")) {
            return name + "=" + credential;
        }
        if (prefix.equals("Basic ")) {
            return prefix + Base64.getEncoder().encodeToString(credential.getBytes(StandardCharsets.UTF_8));
        }
        return prefix + credential;
    }
}
