package dev.hookstub.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
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
        return forOperation(spec, operation, null);
    }

    /**
     * As {@link #forOperation(OpenApiSpec, Operation)}, choosing among the alternatives one that a single credential
     * can meet (one declared scheme sent in HTTP, not {@code mutualTLS}) and that this credential fits: a value
     * without a colon is no HTTP Basic credential (RFC 7617 §2), so a bearer or API key alternative is taken first.
     *
     * @param credential the credential to present, or null when any will do
     */
    public static Optional<SecurityScheme> forOperation(OpenApiSpec spec, Operation operation, String credential) {
        if (operation.securityOptional()) {
            return Optional.empty();
        }
        Optional<SecurityScheme> presentable = Optional.empty();
        for (SecurityRequirement requirement : operation.security()) {
            Optional<SecurityScheme> scheme = presentable(spec, requirement);
            if (scheme.isPresent() && (credential == null || scheme.get().fits(credential))) {
                return scheme;
            }
            presentable = presentable.or(() -> scheme);
        }
        if (presentable.isPresent()) {
            return presentable;
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
     * Why one credential cannot meet the operation's security, or empty when it can or none is needed: every
     * alternative asks for several schemes together, a TLS client certificate, or a scheme the document does not
     * declare (which the OpenAPI Specification says it MUST).
     */
    public static Optional<String> unmetByOneCredential(OpenApiSpec spec, Operation operation) {
        if (operation.securityOptional()
                || operation.security().stream().anyMatch(r -> presentable(spec, r).isPresent())) {
            return Optional.empty();
        }
        SecurityRequirement first = operation.security().get(0);
        List<String> names = List.copyOf(first.schemes().keySet());
        if (names.size() > 1) {
            return Optional.of("its security asks for " + String.join(" and ", names)
                    + " together, and one credential presents one scheme");
        }
        if (!spec.securitySchemeNode(names.get(0)).isObject()) {
            return Optional.of("its security names the scheme '" + names.get(0) + "', which the document does not "
                    + "declare in components.securitySchemes");
        }
        return Optional.of("its security is a TLS client certificate (mutualTLS), which no HTTP header carries");
    }

    /**
     * Whether any alternative of the operation's security is a credential sent in HTTP (a header, query parameter
     * or cookie): a request without one, or with a wrong one, is then one to refuse. Not so for {@code mutualTLS},
     * refused in the TLS handshake if at all, nor for a scheme the document does not declare.
     */
    public static boolean asksForHttpCredential(OpenApiSpec spec, Operation operation) {
        return operation.security().stream().flatMap(r -> r.schemes().keySet().stream())
                .anyMatch(name -> sentInHttp(spec, name));
    }

    /** The requirement's one scheme, when it names one declared scheme sent in HTTP. */
    private static Optional<SecurityScheme> presentable(OpenApiSpec spec, SecurityRequirement requirement) {
        if (requirement.schemes().size() != 1) {
            return Optional.empty();
        }
        String name = requirement.schemes().keySet().iterator().next();
        return sentInHttp(spec, name) ? spec.securityScheme(name) : Optional.empty();
    }

    private static boolean sentInHttp(OpenApiSpec spec, String name) {
        JsonNode scheme = spec.securitySchemeNode(name);
        return scheme.isObject() && !scheme.path("type").asText().equals("mutualTLS");
    }

    /** Whether the credential can be presented this way: HTTP Basic needs {@code user:password}. */
    private boolean fits(String credential) {
        return !prefix.equals("Basic ") || credential.indexOf(':') >= 0;
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
