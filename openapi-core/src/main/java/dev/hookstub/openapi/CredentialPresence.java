package dev.hookstub.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Whether a request carries a credential its operation's security asks for: for some alternative of its
 * {@code security}, each scheme's credential is there (an API key's header, query parameter or cookie; an
 * {@code Authorization} header with the HTTP scheme's word, {@code Bearer} for OAuth2 and OpenID Connect). Whether it
 * is a good one is the server's to say. A TLS client certificate, or a scheme the document does not declare, cannot be
 * seen in a request and counts as there.
 */
public final class CredentialPresence {

    /** Where a missing credential points, beside the parameters' {@code /<in>/<name>}. */
    public static final String POINTER = "/security";

    private final OpenApiSpec spec;

    public CredentialPresence(OpenApiSpec spec) {
        this.spec = spec;
    }

    /** The violation of a request that carries none of the credentials its operation asks for; empty otherwise. */
    public Optional<Violation> missing(Operation operation, RequestValidator.WireRequest request) {
        if (operation.securityOptional()) {
            return Optional.empty();
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(request.headers());
        for (SecurityRequirement requirement : operation.security()) {
            if (requirement.schemes().keySet().stream().allMatch(name -> carries(name, headers, request.rawQuery()))) {
                return Optional.empty();
            }
        }
        String asked = operation.security().stream()
                .map(requirement -> requirement.schemes().keySet().stream().map(this::described)
                        .collect(Collectors.joining(" and ")))
                .collect(Collectors.joining(", or "));
        return Optional.of(new Violation(RequestValidator.PARAMETERS, POINTER,
                "the request carries no credential its security asks for: " + asked));
    }

    /**
     * The {@code WWW-Authenticate} challenges a 401 for the operation carries (RFC 9110 §11.6.1): one for each scheme
     * of each alternative its security offers, in its order, comma-separated as the header takes several; an API key
     * has no registered scheme, so {@code ApiKey} with where the key goes.
     */
    public String challenge(Operation operation) {
        java.util.LinkedHashSet<String> challenges = new java.util.LinkedHashSet<>();
        operation.security().forEach(alternative -> alternative.schemes().keySet().forEach(name -> {
            JsonNode scheme = spec.securitySchemeNode(name);
            switch (scheme.path("type").asText()) {
                case "apiKey" -> challenges.add("ApiKey " + scheme.path("in").asText("header") + "=\""
                        + scheme.path("name").asText() + "\"");
                case "http" -> challenges.add(capitalised(scheme.path("scheme").asText("Bearer")));
                case "oauth2", "openIdConnect" -> challenges.add("Bearer");
                default -> { }
            }
        }));
        return challenges.isEmpty() ? "Bearer" : String.join(", ", challenges);
    }

    private boolean carries(String name, Map<String, List<String>> headers, String rawQuery) {
        JsonNode scheme = spec.securitySchemeNode(name);
        if (!scheme.isObject()) {
            return true;
        }
        String authorization = first(headers, "Authorization").toLowerCase(Locale.ROOT);
        return switch (scheme.path("type").asText()) {
            case "apiKey" -> switch (scheme.path("in").asText("header")) {
                case "query" -> RequestValidator.query(rawQuery).containsKey(scheme.path("name").asText());
                case "cookie" -> RequestValidator.cookies(headers.getOrDefault("Cookie", List.of()))
                        .containsKey(scheme.path("name").asText());
                default -> !first(headers, scheme.path("name").asText()).isBlank();
            };
            case "http" -> authorization.startsWith(scheme.path("scheme").asText().toLowerCase(Locale.ROOT) + " ");
            case "oauth2", "openIdConnect" -> authorization.startsWith("bearer ");
            default -> true;
        };
    }

    private String described(String name) {
        JsonNode scheme = spec.securitySchemeNode(name);
        return switch (scheme.path("type").asText()) {
            case "apiKey" -> "the " + scheme.path("in").asText("header") + " " + (scheme.path("in").asText("header")
                    .equals("query") ? "parameter " : "") + scheme.path("name").asText() + " (" + name + ")";
            case "http" -> "Authorization: " + capitalised(scheme.path("scheme").asText()) + " (" + name + ")";
            case "oauth2", "openIdConnect" -> "Authorization: Bearer (" + name + ")";
            default -> name;
        };
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? "Bearer" : Character.toUpperCase(word.charAt(0)) + word.substring(1).toLowerCase(Locale.ROOT);
    }
}
