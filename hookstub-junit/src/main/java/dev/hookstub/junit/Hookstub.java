package dev.hookstub.junit;

import dev.hookstub.conformance.checks.RunSettings;
import dev.hookstub.conformance.checks.RunTarget;
import dev.hookstub.conformance.preset.Preset;
import java.util.Map;
import java.util.Set;
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
    /** The ids of the APIs forwarded to an upstream. */
    private final Set<String> forwarded;
    /** Credentials to send instead of the stub's defaults, by API id: a sandbox's. */
    private final Map<String, String> credentials;

    Hookstub(String baseUrl, String adminToken, Set<String> forwarded, Map<String, String> credentials) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.admin = new HookstubAdmin(this.baseUrl + "/__admin", adminToken);
        this.receiver = new DeliveryReceiver();
        this.forwarded = Set.copyOf(forwarded);
        this.credentials = Map.copyOf(credentials);
    }

    /** A stub someone else started, e.g. {@code http://127.0.0.1:8080} with the admin token it was given. */
    public static Hookstub at(String baseUrl, String adminToken) {
        return new Hookstub(baseUrl, adminToken, Set.of(), Map.of());
    }

    /**
     * Whether the stub forwards the API to an upstream (a sandbox) rather than answering it: the admin API's records,
     * events and faults are then the stub's own, not the upstream's, and a test that sets them up may skip.
     */
    public boolean forwards(Preset api) {
        return forwarded.contains(api.id());
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

    /**
     * The credential to send to the API (as the API's spec says: bearer token or API key): the one the system property
     * {@code hookstub.credential.<api>} gives (a sandbox's), else the stub's default.
     */
    public String credential(Preset api) {
        return credentials.getOrDefault(api.id(), api.stubCredential());
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
