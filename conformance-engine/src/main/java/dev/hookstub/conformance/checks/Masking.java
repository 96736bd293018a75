package dev.hookstub.conformance.checks;

import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of reports and logs: the value of every header that can carry a credential (Authorization and
 * each header the spec's apiKey schemes name), every occurrence of a credential this run sends, and the value of
 * response members whose name says they hold a secret (a webhook's signing secret, say).
 */
final class Masking {

    static final String MASK = "***";
    private static final Pattern SCHEME_AND_TOKEN = Pattern.compile("^([A-Za-z][A-Za-z0-9_-]*) \\S.*$");
    private static final Pattern SECRET_MEMBER = Pattern.compile(
            "(\"[^\"]*(?:secret|authorizationheader|token|password|apikey)[^\"]*\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
            Pattern.CASE_INSENSITIVE);
    private static final int EXCERPT_CHARS = 300;

    private final Set<String> credentialHeaders;
    private final List<String> credentials;

    /** @param credentials every credential value the run may send, masked wherever it shows up */
    Masking(OpenApiSpec spec, List<String> credentials) {
        this.credentialHeaders = SecurityScheme.credentialHeaderNames(spec);
        // As sent, and as a query parameter carries it.
        this.credentials = credentials.stream().filter(c -> c != null && !c.isBlank())
                .flatMap(c -> java.util.stream.Stream.of(c,
                        java.net.URLEncoder.encode(c, java.nio.charset.StandardCharsets.UTF_8)))
                .distinct().toList();
    }

    Map<String, String> headers(Map<String, String> sent) {
        Map<String, String> masked = new LinkedHashMap<>();
        sent.forEach((name, value) -> masked.put(name,
                credentialHeaders.contains(name.toLowerCase(Locale.ROOT)) ? maskValue(value) : scrub(value)));
        return masked;
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
        return scrubbed;
    }

    /** The start of a response body, safe to print. */
    String excerpt(String body) {
        if (body == null || body.isEmpty()) {
            return "";
        }
        String masked = SECRET_MEMBER.matcher(scrub(body)).replaceAll("$1\"" + MASK + "\"");
        return masked.length() <= EXCERPT_CHARS ? masked : masked.substring(0, EXCERPT_CHARS) + "…";
    }
}
