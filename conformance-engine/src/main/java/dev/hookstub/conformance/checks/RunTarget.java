package dev.hookstub.conformance.checks;

import java.util.Optional;

/**
 * The server one run checks against one spec.
 *
 * @param serverUrl        where the spec's server URL is served: a provider's own root (e.g.
 *                         {@code https://api.example.com/v2}), or an API's mount on the stub
 *                         ({@code http://127.0.0.1:8080/partoo/v2})
 * @param credential       sent as the spec's security scheme says; null sends none
 * @param secondCredential a credential of another tenant, for {@code tenant_isolation}; null skips that check
 * @param webhookId        an existing record to read instead of the spec's example record
 * @param readOnly         never send a method that could create or change a record
 * @param examplesExist    the server holds the records the spec's examples name (the stub is seeded with them, or
 *                         {@code webhookId} names one): the example read must then succeed; otherwise a 404 to it
 *                         is an honest answer
 */
public record RunTarget(String serverUrl, String credential, String secondCredential, Optional<String> webhookId,
                        boolean readOnly, boolean examplesExist) {

    public RunTarget {
        serverUrl = serverUrl.endsWith("/") ? serverUrl.substring(0, serverUrl.length() - 1) : serverUrl;
        webhookId = webhookId == null ? Optional.empty() : webhookId;
    }

    public static RunTarget of(String serverUrl, String credential) {
        return new RunTarget(serverUrl, credential, null, Optional.empty(), false, false);
    }

    public RunTarget withSecondCredential(String other) {
        return new RunTarget(serverUrl, credential, other, webhookId, readOnly, examplesExist);
    }

    public RunTarget withWebhookId(String id) {
        return new RunTarget(serverUrl, credential, secondCredential, Optional.ofNullable(id), readOnly,
                examplesExist || id != null);
    }

    public RunTarget readOnlyCopy() {
        return new RunTarget(serverUrl, credential, secondCredential, webhookId, true, examplesExist);
    }

    /** The same target, holding the spec's example records (a stub seeded with them). */
    public RunTarget withExamples() {
        return new RunTarget(serverUrl, credential, secondCredential, webhookId, readOnly, true);
    }
}
