package dev.hookstub.server.journal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One answered request, as captured: nothing is formatted until it is listed, because recording is on the path of
 * every request.
 *
 * @param id            this API's sequence number, counting on across clears
 * @param path          the path as sent (undecoded), including the API's mount
 * @param query         the query string as sent, credentials masked; null when there was none
 * @param pathTemplate  the spec path the request path is, or null when it is none of the spec's
 * @param headers       name, value, name, value...: names as sent, credentials masked
 * @param body          the body as the handler read it, at most {@link #MAX_BODY_BYTES}; null when none was read
 * @param refusal       the rule that refused the request, or null when none did
 * @param violations    what a request forwarded by the proxy and its answer break of the spec; null when the stub
 *                      answered it (nothing was checked)
 */
public record JournalEntry(long id, String api, long receivedAtMillis, String method, String path, String query,
                           String pathTemplate, String[] headers, byte[] body, boolean bodyTruncated, int status,
                           long durationNanos, String refusal, List<SpecViolation> violations) {

    /** Bodies are kept up to 8 KiB; a longer one is cut there and marked truncated. */
    public static final int MAX_BODY_BYTES = 8 * 1024;

    JournalEntry withPathTemplate(String template) {
        return new JournalEntry(id, api, receivedAtMillis, method, path, query, template, headers, body, bodyTruncated,
                status, durationNanos, refusal, violations);
    }

    public Instant receivedAt() {
        return Instant.ofEpochMilli(receivedAtMillis);
    }

    public double durationMs() {
        return Math.round(durationNanos / 1_000.0) / 1_000.0;
    }

    public String bodyText() {
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The body as the journal lists it: the value of each member (JSON) or field (a form) whose name looks secret
     * masked, as headers are. Masked only here, where it is shown: {@code count} matches on the body as sent.
     */
    public String bodyListed() {
        String contentType = null;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("content-type")) {
                contentType = headers[i + 1];
                break;
            }
        }
        return CredentialMask.body(bodyText(), contentType);
    }

    /** The headers by lower-case name, values in the order they came. */
    public Map<String, List<String>> headerMap() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            map.computeIfAbsent(headers[i].toLowerCase(java.util.Locale.ROOT), name -> new java.util.ArrayList<>())
                    .add(headers[i + 1]);
        }
        return map;
    }
}
