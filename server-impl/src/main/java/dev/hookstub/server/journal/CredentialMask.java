package dev.hookstub.server.journal;

import dev.hookstub.openapi.CredentialNames;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.SecretMembers;

/**
 * Keeps credentials out of the journal and the request log: the usual credential headers, every header and query
 * parameter one of the API's security schemes names, and any whose name says it holds a secret
 * ({@link SecretNames}: a sandbox's traffic carries credentials its document never names), and, when an entry is
 * listed, the body members and form fields so named. A header's value keeps its scheme
 * word ({@code Bearer}) and, when the secret is long enough that four characters say little about it, its last four:
 * {@code Bearer ****lXsM}.
 */
public final class CredentialMask {

    static final String HIDDEN = "****";
    /** Secrets shorter than this are hidden entirely: the test keys are a dozen characters. */
    private static final int SHOW_TAIL_FROM = 16;

    private final CredentialNames names;

    public CredentialMask(OpenApiSpec spec) {
        names = CredentialNames.of(spec);
    }

    /** A header's value as the journal keeps it; the name in any case. */
    public String header(String name, String value) {
        if (!names.header(name)) {
            return value;
        }
        // A cookie header holds several name=value pairs, any of which may be the secret.
        return name.equalsIgnoreCase("cookie") ? HIDDEN : masked(value);
    }

    /** A body with each member or form field whose name looks secret masked ({@link SecretMembers}). */
    static String body(String body, String contentType) {
        return SecretMembers.mask(body, contentType, HIDDEN);
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
            out.append(equals >= 0 && names.queryParameter(name)
                    ? name + "=" + masked(pair.substring(equals + 1)) : pair);
        }
        return out.toString();
    }
}
