package dev.hookstub.conformance.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import dev.hookstub.conformance.checks.RunTarget;
import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.SecurityScheme;
import dev.hookstub.conformance.spec.SpecValidationFilter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The server under test, per API: where the spec's server URL is mounted, the credential to send, and the
 * record to read. Read from system properties:
 * <ul>
 *   <li>{@code conformance.baseUrl}: a server with the stub's layout ({@code <base>/<api>/...});</li>
 *   <li>{@code conformance.<api>.baseUrl}, {@code .credential}, {@code .secondCredential} (another tenant's, for
 *       {@code tenant_isolation}), {@code .webhookId}: one API at its own root
 *       (e.g. a provider's sandbox); when any per-API option is set, only those APIs are checked;</li>
 *   <li>{@code conformance.readOnly}: never create anything (default: true whenever a per-API base URL is given).</li>
 * </ul>
 * Credentials are sent as each spec's security scheme says, and never printed.
 */
public final class ConformanceTarget {

    private final Map<Preset, String> serverUrls;
    private final Map<Preset, String> credentials;
    private final Map<Preset, String> webhookIds;
    private final Map<Preset, String> secondCredentials;
    private final boolean readOnly;
    private final boolean external;
    private final String stubLayoutBaseUrl;
    /** Where {@link #admin()} goes: the same server, or another instance of the stub on the same database. */
    private final String adminBaseUrl;

    private ConformanceTarget(Map<Preset, String> serverUrls, Map<Preset, String> credentials, Map<Preset, String> webhookIds,
                              Map<Preset, String> secondCredentials, boolean readOnly, boolean external,
                              String stubLayoutBaseUrl, String adminBaseUrl) {
        this.adminBaseUrl = adminBaseUrl;
        this.secondCredentials = secondCredentials;
        this.stubLayoutBaseUrl = stubLayoutBaseUrl;
        this.serverUrls = serverUrls;
        this.credentials = credentials;
        this.webhookIds = webhookIds;
        this.readOnly = readOnly;
        this.external = external;
    }

    /** True when the suite must start nothing and check a server someone else runs. */
    public static boolean pointsElsewhere() {
        return System.getProperty("conformance.baseUrl") != null || anyPerApiOption();
    }

    /** A target for a server with the stub's layout at {@code baseUrl}, or the per-API options if any are set. */
    public static ConformanceTarget from(String stubLayoutBaseUrl) {
        boolean perApi = anyPerApiOption();
        Map<Preset, String> urls = new EnumMap<>(Preset.class);
        Map<Preset, String> creds = new EnumMap<>(Preset.class);
        Map<Preset, String> ids = new EnumMap<>(Preset.class);
        Map<Preset, String> seconds = new EnumMap<>(Preset.class);
        for (Preset api : Preset.values()) {
            String own = property(api, "baseUrl");
            if (perApi && own == null && property(api, "credential") == null && property(api, "webhookId") == null) {
                continue;
            }
            urls.put(api, own != null ? trim(own) : api.stubServerUrl(stubLayoutBaseUrl));
            creds.put(api, Optional.ofNullable(property(api, "credential")).orElse(api.stubCredential()));
            // The stub's second-tenant key, wherever the stub is; another server only when one is given.
            Optional.ofNullable(property(api, "secondCredential"))
                    .or(() -> property(api, "credential") == null ? api.stubSecondCredential() : Optional.empty())
                    .ifPresent(second -> seconds.put(api, second));
            Optional.ofNullable(property(api, "webhookId")).ifPresent(id -> ids.put(api, id));
        }
        boolean anyOwnUrl = Arrays.stream(Preset.values()).anyMatch(a -> property(a, "baseUrl") != null);
        boolean readOnly = Boolean.parseBoolean(System.getProperty("conformance.readOnly", Boolean.toString(anyOwnUrl)));
        return new ConformanceTarget(urls, creds, ids, seconds, readOnly, pointsElsewhere(), trim(stubLayoutBaseUrl),
                trim(stubLayoutBaseUrl));
    }

    /**
     * This target, with the admin set-up sent to another instance of the stub that shares its database: a record
     * a check sets up there must be served here.
     */
    public ConformanceTarget withAdminAt(String otherInstanceBaseUrl) {
        return new ConformanceTarget(serverUrls, credentials, webhookIds, secondCredentials, readOnly, external,
                stubLayoutBaseUrl, trim(otherInstanceBaseUrl));
    }

    /** The same server, but never sent anything that could create or change a record. */
    public ConformanceTarget readOnlyCopy() {
        return new ConformanceTarget(serverUrls, credentials, webhookIds, secondCredentials, true, external,
                stubLayoutBaseUrl, adminBaseUrl);
    }

    public boolean checks(Preset api) {
        return serverUrls.containsKey(api);
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** True when the server is not the stub this suite started (its fixtures may differ). */
    public boolean external() {
        return external;
    }

    /**
     * The stub's admin API, which is not part of any provider's contract: only for checks that must set up records
     * a spec's operations cannot create (a null field, a record of another tenant). Uses the default admin token.
     */
    public RequestSpecification admin() {
        return io.restassured.RestAssured.given()
                .baseUri(adminBaseUrl + "/__admin")
                .header("Authorization", "Bearer " + System.getProperty("conformance.adminToken", "admin_test_key"));
    }

    /** The server with the stub's layout this target was made for (its per-API URLs may point elsewhere). */
    public String stubLayoutBaseUrl() {
        return stubLayoutBaseUrl;
    }

    /** What the engine needs to check {@code api} on this server. */
    public RunTarget runTarget(Preset api) {
        return new RunTarget(serverUrls.get(api), credentials.get(api), secondCredentials.get(api),
                Optional.ofNullable(webhookIds.get(api)), readOnly, true);
    }

    /** The record id given with {@code -Dconformance.<api>.webhookId}, if any. */
    public Optional<String> givenWebhookId(Preset api) {
        return Optional.ofNullable(webhookIds.get(api));
    }

    /** How the credential of {@code api} is sent (header and prefix), as its spec's security scheme says. */
    public SecurityScheme securityScheme(Preset api) {
        return SecurityScheme.of(api.spec());
    }

    /** The credential this run sends for an API (for clients other than REST-assured); never log it. */
    public String credential(Preset api) {
        return credentials.get(api);
    }

    /** Where the spec's server URL is mounted, e.g. {@code http://127.0.0.1:8080/partoo/v2}. */
    public String serverUrl(Preset api) {
        return serverUrls.get(api);
    }

    /** The record to read: the one given, else the spec's own example record (what the stub is seeded with). */
    public String webhookId(Preset api, String specExamplePointer) {
        String given = webhookIds.get(api);
        if (given != null) {
            return given;
        }
        JsonNode example = api.spec().at(specExamplePointer);
        return example.asText();
    }

    /** A request with the credential, every response validated against the spec. */
    public RequestSpecification given(Preset api) {
        return unvalidated(api).filter(SpecValidationFilter.serverMountedAt(api.spec(), mountOf(api)).observedBy(ProvokedResponses.OBSERVER));
    }

    /** A request with another credential than the configured one, every response validated against the spec. */
    public RequestSpecification given(Preset api, String credential) {
        return withCredential(api, credential)
                .filter(SpecValidationFilter.serverMountedAt(api.spec(), mountOf(api)).observedBy(ProvokedResponses.OBSERVER));
    }

    /** A request with the credential whose response the test checks itself (deliberately undeclared statuses). */
    public RequestSpecification unvalidated(Preset api) {
        RequestSpecBuilder builder = anonymousBuilder(api);
        presentCredential(builder, SecurityScheme.of(api.spec()), credentials.get(api));
        return io.restassured.RestAssured.given(builder.build());
    }

    /** A request with no credential at all. */
    public RequestSpecification anonymous(Preset api) {
        return io.restassured.RestAssured.given(anonymousBuilder(api).build());
    }

    /** A request with the given (wrong) credential in the scheme's place. */
    public RequestSpecification withCredential(Preset api, String credential) {
        RequestSpecBuilder builder = anonymousBuilder(api);
        presentCredential(builder, SecurityScheme.of(api.spec()), credential);
        return io.restassured.RestAssured.given(builder.build());
    }

    private RequestSpecBuilder anonymousBuilder(Preset api) {
        return new RequestSpecBuilder()
                .setBaseUri(serverUrls.get(api))
                .setConfig(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", 10_000)
                        .setParam("http.socket.timeout", 30_000)));
    }

    /** The URL under which the spec's server URL is mounted, without the server's own base path. */
    private String mountOf(Preset api) {
        String url = serverUrls.get(api);
        String base = api.spec().serverBasePath();
        return url.endsWith(base) ? url.substring(0, url.length() - base.length()) : url;
    }

    private static boolean anyPerApiOption() {
        return Arrays.stream(Preset.values()).anyMatch(a -> property(a, "baseUrl") != null
                || property(a, "credential") != null || property(a, "webhookId") != null
                || property(a, "secondCredential") != null);
    }

    private static String property(Preset api, String option) {
        String value = System.getProperty("conformance." + api.id() + "." + option);
        return value == null || value.isBlank() ? null : value;
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Puts {@code credential} where the spec's scheme says: a query parameter, or a header. */
    private static void presentCredential(RequestSpecBuilder builder, SecurityScheme scheme, String credential) {
        if (credential == null) {
            return;
        }
        if (scheme.inQuery()) {
            builder.addQueryParam(scheme.name(), credential);
        } else {
            builder.addHeader(scheme.header(), scheme.headerValue(credential));
        }
    }
}
