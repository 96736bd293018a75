package dev.hookstub.conformance.checks;

import dev.hookstub.openapi.CredentialNames;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.SecretMembers;
import dev.hookstub.openapi.SecretNames;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps secrets out of reports and logs: the value of every header and query parameter that can carry a credential
 * (Authorization, each one the spec's apiKey schemes name, and any whose name {@linkplain SecretNames looks secret}),
 * every occurrence of a credential this run sends in any form it may come
 * back in (as sent, URL-encoded, base64 as HTTP Basic carries it, the password alone), any {@code Bearer} or
 * {@code Basic} value a server echoes, and the value of body members whose name says they hold a secret
 * ({@link SecretMembers}).
 */
final class Masking {

    static final String MASK = "***";
    private static final Pattern SCHEME_AND_TOKEN = Pattern.compile("^([A-Za-z][A-Za-z0-9_-]*) \\S.*$");
    /** A credential a server echoes in text: {@code Bearer abc.def}, {@code Basic dXNlcjpwYXNz}. */
    private static final Pattern ECHOED_CREDENTIAL = Pattern.compile(
            "\\b(Bearer|Basic|Token|Digest)(\\s+|%20|\\+)[A-Za-z0-9._~+/=-]{4,}", Pattern.CASE_INSENSITIVE);
    private static final int EXCERPT_CHARS = 300;

    private final CredentialNames names;
    private final List<String> credentials;

    /** @param credentials every credential value the run may send, masked wherever it shows up */
    Masking(OpenApiSpec spec, List<String> credentials) {
        this.names = CredentialNames.of(spec);
        this.credentials = credentials.stream().filter(c -> c != null && !c.isBlank())
                .flatMap(Masking::forms)
                .filter(form -> form.length() >= 3)
                .distinct()
                // Longest first, so that a credential is masked whole before a part of it is.
                .sorted((a, b) -> Integer.compare(b.length(), a.length()))
                .toList();
    }

    private static Stream<String> forms(String credential) {
        Stream.Builder<String> forms = Stream.builder();
        forms.add(credential);
        forms.add(URLEncoder.encode(credential, StandardCharsets.UTF_8));
        forms.add(Base64.getEncoder().encodeToString(credential.getBytes(StandardCharsets.UTF_8)));
        int colon = credential.indexOf(':');
        if (colon > 0 && colon < credential.length() - 1) {
            forms.add(credential.substring(colon + 1));
        }
        return forms.build();
    }

    Map<String, String> headers(Map<String, String> sent) {
        Map<String, String> masked = new LinkedHashMap<>();
        sent.forEach((name, value) -> masked.put(name,
                names.header(name) ? maskValue(value) : scrub(value)));
        return masked;
    }

    /** A URL as sent, the value of each credential query parameter masked, then {@linkplain #scrub scrubbed}. */
    String url(String url) {
        if (url == null) {
            return null;
        }
        int query = url.indexOf('?');
        if (query < 0) {
            return scrub(url);
        }
        int fragment = url.indexOf('#', query);
        String end = fragment < 0 ? "" : url.substring(fragment);
        StringBuilder masked = new StringBuilder(url.length()).append(url, 0, query + 1);
        String[] pairs = url.substring(query + 1, fragment < 0 ? url.length() : fragment).split("&", -1);
        for (int i = 0; i < pairs.length; i++) {
            String pair = pairs[i];
            int equals = pair.indexOf('=');
            masked.append(i == 0 ? "" : "&").append(equals >= 0 && names.queryParameter(pair.substring(0, equals))
                    ? pair.substring(0, equals + 1) + MASK : pair);
        }
        return scrub(masked.append(end).toString());
    }

    /** {@code Bearer abc} becomes {@code Bearer ***} (the scheme helps a reader), anything else {@code ***}. */
    private static String maskValue(String value) {
        var matcher = SCHEME_AND_TOKEN.matcher(value);
        return matcher.matches() ? matcher.group(1) + " " + MASK : MASK;
    }

    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String scrubbed = text;
        for (String credential : credentials) {
            scrubbed = scrubbed.replace(credential, MASK);
        }
        return ECHOED_CREDENTIAL.matcher(scrubbed).replaceAll("$1 " + MASK);
    }

    /**
     * A request body as a report shows it: {@linkplain #scrub scrubbed}, and the value of each member (JSON) or field
     * (a form) whose name looks secret masked, as the journal lists it.
     */
    String requestBody(String body, String contentType) {
        return SecretMembers.mask(scrub(body), contentType, MASK);
    }

    /** The start of a response body, safe to print. */
    String excerpt(String body) {
        if (body == null || body.isEmpty()) {
            return "";
        }
        String start = body.length() > 4 * EXCERPT_CHARS ? body.substring(0, 4 * EXCERPT_CHARS) : body;
        // A response body: JSON members, whatever its media type says (an excerpt is read, not parsed).
        String masked = SecretMembers.mask(scrub(start), null, MASK);
        return masked.length() <= EXCERPT_CHARS ? masked : masked.substring(0, EXCERPT_CHARS) + "…";
    }
}
