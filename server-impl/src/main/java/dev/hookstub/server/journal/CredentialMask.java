package dev.hookstub.server.journal;

import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.SecretNames;
import dev.hookstub.openapi.SecurityScheme;
import java.util.Set;

/**
 * Keeps credentials out of the journal and the request log: the usual credential headers, every header and query
 * parameter one of the API's security schemes names, and any whose name says it holds a secret
 * ({@link SecretNames}: a sandbox's traffic carries credentials its document never names). A value keeps its scheme
 * word ({@code Bearer}) and, when the secret is long enough that four characters say little about it, its last four:
 * {@code Bearer ****lXsM}.
 */
public final class CredentialMask {

    static final String HIDDEN = "****";
    /** Secrets shorter than this are hidden entirely: the test keys are a dozen characters. */
    private static final int SHOW_TAIL_FROM = 16;

    /** Lower case. */
    private final String[] headers;
    private final Set<String> queryParameters;

    public CredentialMask(OpenApiSpec spec) {
        headers = SecurityScheme.credentialHeaderNames(spec).toArray(new String[0]);
        queryParameters = SecurityScheme.credentialQueryNames(spec);
    }

    /** A header's value as the journal keeps it; the name in any case. */
    public String header(String name, String value) {
        // A scan of a handful of names, rather than lower-casing every header name of every request.
        for (String hidden : headers) {
            if (hidden.equalsIgnoreCase(name)) {
                // A cookie header holds several name=value pairs, any of which may be the secret.
                return hidden.equals("cookie") ? HIDDEN : masked(value);
            }
        }
        return SecretNames.looksSecret(name) ? masked(value) : value;
    }

    static String masked(String value) {
        String secret = value.strip();
        String scheme = "";
        int space = secret.indexOf(' ');
        if (space > 0) {
            scheme = secret.substring(0, space + 1);
            secret = secret.substring(space + 1).strip();
        }
        return scheme + HIDDEN + (secret.length() >= SHOW_TAIL_FROM ? secret.substring(secret.length() - 4) : "");
    }

    /** The query string with the value of each credential parameter masked; null stays null. */
    public String query(String query) {
        if (query == null) {
            return query;
        }
        StringBuilder out = new StringBuilder(query.length());
        for (String pair : query.split("&", -1)) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            out.append(equals >= 0 && (queryParameters.contains(name) || SecretNames.looksSecret(name))
                    ? name + "=" + masked(pair.substring(equals + 1)) : pair);
        }
        return out.toString();
    }
}
