package dev.hookstub.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * How a credential is sent under one security scheme: HTTP bearer ({@code Authorization: Bearer X}), HTTP basic
 * ({@code Authorization: Basic base64(X)}, X being {@code user:password}), or an API key in a header, a query
 * parameter or a cookie. OAuth2 and OpenID Connect tokens go as bearer.
 *
 * @param in     {@code header}, {@code query} or {@code cookie}
 * @param name   the header, query parameter or cookie that carries it
 * @param prefix put before the credential in a header ({@code Bearer }), empty otherwise
 */
public record SecurityScheme(String in, String name, String prefix) {

    private static final SecurityScheme BEARER = new SecurityScheme("header", "Authorization", "Bearer ");

    /**
     * The spec's scheme as a whole, for a credential given once for every operation: the first scheme an operation's
     * security names (so Mollie's token schemes win over its apiKey), else the first declared, else bearer.
     */
    public static SecurityScheme of(OpenApiSpec spec) {
        for (Operation operation : spec.operations()) {
            for (SecurityRequirement requirement : operation.security()) {
                for (String name : requirement.schemes().keySet()) {
                    Optional<SecurityScheme> scheme = spec.securityScheme(name);
                    if (scheme.isPresent()) {
                        return scheme.get();
                    }
                }
            }
        }
        Iterator<String> names = spec.node("/components/securitySchemes").fieldNames();
        return names.hasNext() ? spec.securityScheme(names.next()).orElse(BEARER) : BEARER;
    }

    /**
     * How to present a credential to {@code operation}: by the first scheme of its first requirement, or empty when
     * the operation needs none (no security, or an empty requirement among its alternatives). A credential is never
     * sent where the spec does not ask for one.
     */
    public static Optional<SecurityScheme> forOperation(OpenApiSpec spec, Operation operation) {
        if (operation.securityOptional()) {
            return Optional.empty();
        }
        for (SecurityRequirement requirement : operation.security()) {
            for (String name : requirement.schemes().keySet()) {
                Optional<SecurityScheme> scheme = spec.securityScheme(name);
                if (scheme.isPresent()) {
                    return scheme;
                }
            }
        }
        return Optional.of(BEARER);
    }

    /**
     * Every header that may carry a credential of this spec, lower case: {@code authorization},
     * {@code proxy-authorization}, {@code cookie} and each header an {@code apiKey} scheme names. These are masked
     * wherever a request is recorded, as is any header whose name {@linkplain SecretNames looks secret}.
     */
    public static Set<String> credentialHeaderNames(OpenApiSpec spec) {
        Set<String> names = new TreeSet<>();
        names.add("authorization");
        names.add("cookie");
        names.add("proxy-authorization");
        declared(spec).filter(scheme -> scheme.in().equals("header"))
                .forEach(scheme -> names.add(scheme.name().toLowerCase(Locale.ROOT)));
        return names;
    }

    /** Every query parameter an {@code apiKey} scheme of this spec names, as written (query names are exact). */
    public static Set<String> credentialQueryNames(OpenApiSpec spec) {
        Set<String> names = new TreeSet<>();
        declared(spec).filter(SecurityScheme::inQuery).forEach(scheme -> names.add(scheme.name()));
        return names;
    }

    private static Stream<SecurityScheme> declared(OpenApiSpec spec) {
        Stream.Builder<SecurityScheme> schemes = Stream.builder();
        spec.node("/components/securitySchemes").fieldNames()
                .forEachRemaining(name -> spec.securityScheme(name).ifPresent(schemes));
        return schemes.build();
    }

    static SecurityScheme from(JsonNode scheme) {
        String type = scheme.path("type").asText();
        if (type.equals("apiKey")) {
            String in = scheme.path("in").asText("header");
            return new SecurityScheme(in.equals("query") || in.equals("cookie") ? in : "header",
                    scheme.path("name").asText(), "");
        }
        if (type.equals("http") && scheme.path("scheme").asText().equalsIgnoreCase("basic")) {
            return new SecurityScheme("header", "Authorization", "Basic ");
        }
        return BEARER;
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
