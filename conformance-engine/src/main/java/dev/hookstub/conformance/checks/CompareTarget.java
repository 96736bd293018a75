package dev.hookstub.conformance.checks;

/**
 * A second server to send every request to, for {@code check --compare-with}: the stub beside a provider's sandbox,
 * say, or two versions of one server, each with its own credentials.
 *
 * @param serverUrl        where the spec's server URL is served on it
 * @param credential       its credential, or null
 * @param secondCredential another tenant's credential on it, or null
 */
public record CompareTarget(String serverUrl, String credential, String secondCredential) {

    public CompareTarget {
        serverUrl = serverUrl.endsWith("/") ? serverUrl.substring(0, serverUrl.length() - 1) : serverUrl;
    }
}
