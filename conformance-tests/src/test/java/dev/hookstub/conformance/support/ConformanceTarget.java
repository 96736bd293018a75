package dev.hookstub.conformance.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The server under test, per API: where the spec's server URL is mounted, the credential to send, and the
 * record to read. Read from system properties:
 * <ul>
 *   <li>{@code conformance.baseUrl}: a server with the stub's layout ({@code <base>/<api>/...});</li>
 *   <li>{@code conformance.<api>.baseUrl}, {@code .credential}, {@code .webhookId}: one API at its own root
 *       (e.g. a provider's sandbox); when any per-API option is set, only those APIs are checked;</li>
 *   <li>{@code conformance.readOnly}: never create anything (default: true whenever a per-API base URL is given).</li>
 * </ul>
 * Credentials are sent as each spec's security scheme says, and never printed.
 */
public final class ConformanceTarget {

    /** The stub's documented default credentials, used when none is given. */
    private static final Map<Api, String> STUB_CREDENTIALS = Map.of(
            Api.MIJNKLANTPORTAAL, "mkp_test_key",
            Api.EQUALSMONEY, "equals_test_key",
            Api.PARTOO, "partoo_test_key",
            Api.MOLLIE, "access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM");

    private final Map<Api, String> serverUrls;
    private final Map<Api, String> credentials;
    private final Map<Api, String> webhookIds;
    private final boolean readOnly;
    private final boolean external;
    private final String stubLayoutBaseUrl;

    private ConformanceTarget(Map<Api, String> serverUrls, Map<Api, String> credentials, Map<Api, String> webhookIds,
                              boolean readOnly, boolean external, String stubLayoutBaseUrl) {
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
        Map<Api, String> urls = new EnumMap<>(Api.class);
        Map<Api, String> creds = new EnumMap<>(Api.class);
        Map<Api, String> ids = new EnumMap<>(Api.class);
        for (Api api : Api.values()) {
            String own = property(api, "baseUrl");
            if (perApi && own == null && property(api, "credential") == null && property(api, "webhookId") == null) {
                continue;
            }
            urls.put(api, own != null ? trim(own) : trim(stubLayoutBaseUrl) + "/" + api.id()
                    + OpenApiSpec.of(api).serverBasePath());
            creds.put(api, Optional.ofNullable(property(api, "credential")).orElse(STUB_CREDENTIALS.get(api)));
            Optional.ofNullable(property(api, "webhookId")).ifPresent(id -> ids.put(api, id));
        }
        boolean anyOwnUrl = Arrays.stream(Api.values()).anyMatch(a -> property(a, "baseUrl") != null);
        boolean readOnly = Boolean.parseBoolean(System.getProperty("conformance.readOnly", Boolean.toString(anyOwnUrl)));
        return new ConformanceTarget(urls, creds, ids, readOnly, pointsElsewhere(), trim(stubLayoutBaseUrl));
    }

    /** The same server, but never sent anything that could create or change a record. */
    public ConformanceTarget readOnlyCopy() {
        return new ConformanceTarget(serverUrls, credentials, webhookIds, true, external, stubLayoutBaseUrl);
    }

    public boolean checks(Api api) {
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
                .baseUri(stubLayoutBaseUrl + "/__admin")
                .header("Authorization", "Bearer " + System.getProperty("conformance.adminToken", "admin_test_key"));
    }

    /** The server with the stub's layout this target was made for (its per-API URLs may point elsewhere). */
    public String stubLayoutBaseUrl() {
        return stubLayoutBaseUrl;
    }

    /** The record id given with {@code -Dconformance.<api>.webhookId}, if any. */
    public Optional<String> givenWebhookId(Api api) {
        return Optional.ofNullable(webhookIds.get(api));
    }

    /** How the credential of {@code api} is sent (header and prefix), as its spec's security scheme says. */
    public SecurityScheme securityScheme(Api api) {
        return SecurityScheme.of(OpenApiSpec.of(api));
    }

    /** The credential this run sends for an API (for clients other than REST-assured); never log it. */
    public String credential(Api api) {
        return credentials.get(api);
    }

    /** Where the spec's server URL is mounted, e.g. {@code http://127.0.0.1:8080/partoo/v2}. */
    public String serverUrl(Api api) {
        return serverUrls.get(api);
    }

    /** The record to read: the one given, else the spec's own example record (what the stub is seeded with). */
    public String webhookId(Api api, String specExamplePointer) {
        String given = webhookIds.get(api);
        if (given != null) {
            return given;
        }
        JsonNode example = OpenApiSpec.of(api).at(specExamplePointer);
        return example.asText();
    }

    /** A request with the credential, every response validated against the spec. */
    public RequestSpecification given(Api api) {
        return unvalidated(api).filter(SpecValidationFilter.serverMountedAt(OpenApiSpec.of(api), mountOf(api)));
    }

    /** A request with another credential than the configured one, every response validated against the spec. */
    public RequestSpecification given(Api api, String credential) {
        return withCredential(api, credential)
                .filter(SpecValidationFilter.serverMountedAt(OpenApiSpec.of(api), mountOf(api)));
    }

    /** A request with the credential whose response the test checks itself (deliberately undeclared statuses). */
    public RequestSpecification unvalidated(Api api) {
        RequestSpecBuilder builder = anonymousBuilder(api);
        SecurityScheme.of(OpenApiSpec.of(api)).apply(builder, credentials.get(api));
        return io.restassured.RestAssured.given(builder.build());
    }

    /** A request with no credential at all. */
    public RequestSpecification anonymous(Api api) {
        return io.restassured.RestAssured.given(anonymousBuilder(api).build());
    }

    /** A request with the given (wrong) credential in the scheme's place. */
    public RequestSpecification withCredential(Api api, String credential) {
        RequestSpecBuilder builder = anonymousBuilder(api);
        SecurityScheme.of(OpenApiSpec.of(api)).apply(builder, credential);
        return io.restassured.RestAssured.given(builder.build());
    }

    private RequestSpecBuilder anonymousBuilder(Api api) {
        return new RequestSpecBuilder()
                .setBaseUri(serverUrls.get(api))
                .setConfig(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", 10_000)
                        .setParam("http.socket.timeout", 30_000)));
    }

    /** The URL under which the spec's server URL is mounted, without the server's own base path. */
    private String mountOf(Api api) {
        String url = serverUrls.get(api);
        String base = OpenApiSpec.of(api).serverBasePath();
        return url.endsWith(base) ? url.substring(0, url.length() - base.length()) : url;
    }

    private static boolean anyPerApiOption() {
        return Arrays.stream(Api.values()).anyMatch(a -> property(a, "baseUrl") != null
                || property(a, "credential") != null || property(a, "webhookId") != null);
    }

    private static String property(Api api, String option) {
        String value = System.getProperty("conformance." + api.id() + "." + option);
        return value == null || value.isBlank() ? null : value;
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
