package dev.hookstub.junit;

import dev.hookstub.conformance.checks.RunSettings;
import dev.hookstub.conformance.checks.RunTarget;
import dev.hookstub.conformance.preset.Preset;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * A running stub, as a test sees it: where each API is served, the stub's default credentials, its admin API and a
 * receiver for webhook deliveries. Works the same for a stub started by {@link HookstubTest} and for one reached
 * over the network ({@link #at}).
 */
public final class Hookstub {

    private final String baseUrl;
    private final HookstubAdmin admin;
    private final DeliveryReceiver receiver;

    Hookstub(String baseUrl, String adminToken) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.admin = new HookstubAdmin(this.baseUrl + "/__admin", adminToken);
        this.receiver = new DeliveryReceiver();
    }

    /** A stub someone else started, e.g. {@code http://127.0.0.1:8080} with the admin token it was given. */
    public static Hookstub at(String baseUrl, String adminToken) {
        return new Hookstub(baseUrl, adminToken);
    }

    /** The stub's root, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Where the API's spec server URL is served, the base path a client of it needs: e.g.
     * {@code http://127.0.0.1:41234/mollie} or {@code .../partoo/v2}.
     */
    public String serverUrl(Preset api) {
        return api.stubServerUrl(baseUrl);
    }

    /** The stub's default credential for the API (sent as the API's spec says: bearer token or API key). */
    public String credential(Preset api) {
        return api.stubCredential();
    }

    /** Records, events and deliveries, through the stub's admin API. */
    public HookstubAdmin admin() {
        return admin;
    }

    /** A loopback HTTP server that captures what the stub delivers; started on first use, emptied between tests. */
    public DeliveryReceiver receiver() {
        return receiver;
    }

    /** Every conformance check on every operation of the API, against this stub, one dynamic test each. */
    public Stream<DynamicTest> conformanceTests(Preset api) {
        RunTarget target = RunTarget.of(serverUrl(api), api.stubCredential()).withExamples();
        target = api.stubSecondCredential().map(target::withSecondCredential).orElse(target);
        return ConformanceTests.of(api.spec(), target, RunSettings.defaults());
    }

    /** Records back to their fixtures, the delivery log and the receiver emptied. */
    public void reset() {
        admin.reset();
        receiver.clear();
    }
}
