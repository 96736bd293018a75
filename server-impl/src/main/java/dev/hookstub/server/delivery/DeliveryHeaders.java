package dev.hookstub.server.delivery;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The headers of a delivery, merged so that a webhook owner's custom headers (Partoo's {@code custom_headers}) can
 * add to a request but never replace what the stub sends itself. Header names are compared case-insensitively,
 * as HTTP compares them.
 */
final class DeliveryHeaders {

    static final String USER_AGENT = "hookstub-webhooks/0.1.0";

    /** The JDK's HTTP client refuses to set these; they come from the connection itself. */
    private static final Set<String> RESTRICTED = caseInsensitive("Connection", "Content-Length", "Expect", "Host",
            "Upgrade", "Date", "Via", "Warning", "Transfer-Encoding", "Keep-Alive", "TE", "Trailer");

    private DeliveryHeaders() {
    }

    /** What is stored with a delivery: custom headers, then the provider's over them. */
    static Map<String, String> stored(PlannedDelivery planned) {
        Map<String, String> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        planned.customHeaders().forEach((name, value) -> {
            if (!RESTRICTED.contains(name)) {
                merged.put(name, value);
            }
        });
        merged.putAll(planned.providerHeaders());
        return merged;
    }

    /** What one attempt sends: the stored headers, then the stub's own over them. */
    static Map<String, String> forAttempt(Delivery delivery, Instant attemptAt) {
        Map<String, String> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        merged.putAll(delivery.headers());
        merged.put("Content-Type", "application/json");
        merged.put("User-Agent", USER_AGENT);
        // Standard Webhooks: the id is the delivery's, the same on every attempt, so receivers can de-duplicate.
        merged.put("webhook-id", delivery.id());
        String timestamp = Long.toString(attemptAt.getEpochSecond());
        merged.put("webhook-timestamp", timestamp);
        if (delivery.standardWebhooksSecret() != null) {
            merged.put("webhook-signature",
                    StandardWebhooks.signature(delivery.standardWebhooksSecret(), delivery.id(), timestamp, delivery.body()));
        }
        return merged;
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Collections.addAll(set, names);
        return set;
    }
}
