package dev.hookstub.junit;

import dev.hookstub.conformance.checks.RunSettings;
import dev.hookstub.conformance.checks.RunTarget;
import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.server.ServerConfig;
import dev.hookstub.server.StubServer;
import dev.hookstub.server.api.StubApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * A running stub, as a test sees it: where each API is served, the stub's default credentials, plain HTTP to it,
 * its admin API and a receiver for webhook deliveries. The same for a stub started in this JVM ({@link #start}, which
 * {@link HookstubTest} and {@link HookstubExtension} call) and for one reached over the network ({@link #at}).
 */
public final class Hookstub implements AutoCloseable {

    private final String baseUrl;
    /** Null for a stub reached over the network. */
    private final StubServer server;
    private final HookstubHttp http;
    private final HookstubHttp adminHttp;
    private final HookstubAdmin admin;
    private final DeliveryReceiver receiver = new DeliveryReceiver();
    /** The ids of the APIs forwarded to an upstream. */
    private final Set<String> forwarded;
    /** Credentials to send instead of the stub's defaults, by API id: a sandbox's. */
    private final Map<String, String> credentials;

    private Hookstub(String baseUrl, String adminToken, StubServer server, Set<String> forwarded,
                     Map<String, String> credentials) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.server = server;
        this.http = new HookstubHttp(URI.create(this.baseUrl + "/"));
        this.adminHttp = http.withHeader("Authorization", "Bearer " + adminToken);
        this.admin = new HookstubAdmin(adminHttp);
        this.forwarded = Set.copyOf(forwarded);
        this.credentials = Map.copyOf(credentials);
    }

    /** The stub's defaults on a free loopback port: what {@link HookstubTest} starts. */
    public static ServerConfig defaultConfig() {
        return ServerConfig.defaults().withPort(0);
    }

    /**
     * Starts a stub in this JVM and returns it once every API answers; close it when done. A start that fails throws
     * and leaves nothing running. Every stub hookstub's own tests start is started here.
     */
    public static Hookstub start(ServerConfig config) {
        return start(config, Map.of());
    }

    /** The same, the handle giving these credentials (by API id) instead of the stub's defaults: a sandbox's. */
    static Hookstub start(ServerConfig config, Map<String, String> credentials) {
        StubServer server = StubServer.start(config);
        Set<String> forwarded = config.proxy() == null ? Set.of() : config.proxy().apis().keySet();
        return new Hookstub(server.baseUri().toString(), config.credentials().adminToken(), server, forwarded,
                credentials);
    }

    /** A stub someone else started, e.g. {@code http://127.0.0.1:8080} with the admin token it was given. */
    public static Hookstub at(String baseUrl, String adminToken) {
        return new Hookstub(baseUrl, adminToken, null, Set.of(), Map.of());
    }

    /** A loopback port nothing listens on now: for a receiver that is down, or a stub started on a chosen port. */
    public static int freePort() {
        // A plain socket: an HttpServer never started keeps listening after stop() (its selector never runs).
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    public URI baseUri() {
        return URI.create(baseUrl);
    }

    public int port() {
        return baseUri().getPort();
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

    /** Plain HTTP to the stub: any path, any headers, the answer whatever its status. */
    public HookstubHttp http() {
        return http;
    }

    /** The same, with the admin token sent along: for the admin API's refusals, which {@link #admin()} fails on. */
    public HookstubHttp adminHttp() {
        return adminHttp;
    }

    /** Records, events and deliveries, the journal, fault rules and the clock, through the stub's admin API. */
    public HookstubAdmin admin() {
        return admin;
    }

    /** A loopback HTTP server that captures what the stub delivers; started on first use, emptied between tests. */
    public DeliveryReceiver receiver() {
        return receiver;
    }

    /** The stub itself, for a test that looks inside it (its APIs, its fast paths' counts): one started here. */
    public StubServer server() {
        if (server == null) {
            throw new IllegalStateException("the stub at " + baseUrl + " runs elsewhere; only one started in this "
                    + "JVM (Hookstub.start) can be looked into");
        }
        return server;
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

    /**
     * A {@link #reset}, then every record of every API dropped, fixtures too, until the next reset: for a test that
     * counts deliveries, as the specs' example webhooks are subscribed to events too. A stub started here only.
     */
    public void resetWithoutRecords() {
        reset();
        server().apis().forEach(StubApi::clearRecords);
    }

    /** Stops the receiver, and the stub if it was started here. */
    @Override
    public void close() {
        receiver.close();
        if (server != null) {
            server.close();
        }
    }
}
