package dev.hookstub.openapi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Which headers and query parameters of a spec's requests carry a credential: those its security schemes name
 * ({@link SecurityScheme#credentialHeaderNames}, {@link SecurityScheme#credentialQueryNames}) and any whose name
 * {@linkplain SecretNames looks secret}. What records a request (the stub's journal, {@code check}'s reports)
 * masks these; each masks in its own way.
 */
public final class CredentialNames {

    /** Lower case; scanned rather than looked up, so that no header name of a request is lower-cased. */
    private final String[] headers;
    private final Set<String> queryParameters;

    private CredentialNames(String[] headers, Set<String> queryParameters) {
        this.headers = headers;
        this.queryParameters = queryParameters;
    }

    public static CredentialNames of(OpenApiSpec spec) {
        return new CredentialNames(SecurityScheme.credentialHeaderNames(spec).toArray(new String[0]),
                SecurityScheme.credentialQueryNames(spec));
    }

    /** Whether a header of this name, in any case, carries a credential. */
    public boolean header(String name) {
        for (String credential : headers) {
            if (credential.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return SecretNames.looksSecret(name);
    }

    /** Whether a query parameter of this name, as written in the query (percent-encoded or not), carries one. */
    public boolean queryParameter(String rawName) {
        String name = decoded(rawName);
        return queryParameters.contains(name) || SecretNames.looksSecret(name);
    }

    private static String decoded(String name) {
        if (name.indexOf('%') < 0 && name.indexOf('+') < 0) {
            return name;
        }
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException brokenEscape) {
            return name;
        }
    }
}
