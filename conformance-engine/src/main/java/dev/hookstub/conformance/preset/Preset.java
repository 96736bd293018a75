package dev.hookstub.conformance.preset;

import dev.hookstub.openapi.OpenApiSpec;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The four APIs hookstub ships, as shortcuts: a name for the spec packaged in the {@code specs} jar, the stub's
 * documented default credentials (a second one of another tenant, for {@code tenant_isolation}), and where the stub
 * mounts the API. The engine itself knows none of this; any other OpenAPI document is checked the same way.
 */
public enum Preset {
    MIJNKLANTPORTAAL("mijnklantportaal", "openapi/mijnklantportaal.yaml", "mkp_test_key", "mkp_other_key"),
    EQUALSMONEY("equalsmoney", "openapi/equalsmoney.yaml", "equals_test_key", "equals_other_key"),
    PARTOO("partoo", "openapi/partoo.yaml", "partoo_test_key", "partoo_other_key"),
    /** The stub keeps one Mollie organization, so there is no second tenant to hold apart. */
    MOLLIE("mollie", "openapi/mollie.json", "access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM", null);

    private static final ConcurrentMap<Preset, OpenApiSpec> LOADED = new ConcurrentHashMap<>();

    private final String id;
    private final String specResource;
    private final String stubCredential;
    private final String stubSecondCredential;

    Preset(String id, String specResource, String stubCredential, String stubSecondCredential) {
        this.id = id;
        this.specResource = specResource;
        this.stubCredential = stubCredential;
        this.stubSecondCredential = stubSecondCredential;
    }

    /** As the API appears in URLs and on the command line: {@code mollie}. */
    public String id() {
        return id;
    }

    /** Classpath resource of the shipped spec. */
    public String specResource() {
        return specResource;
    }

    /** The shipped spec, parsed once per JVM. */
    public OpenApiSpec spec() {
        return LOADED.computeIfAbsent(this, preset -> OpenApiSpec.fromClasspath(preset.id, preset.specResource));
    }

    /** The stub's default credential for this API. */
    public String stubCredential() {
        return stubCredential;
    }

    /** A default credential of another tenant of the stub, if the stub has one for this API. */
    public Optional<String> stubSecondCredential() {
        return Optional.ofNullable(stubSecondCredential);
    }

    /** Where a stub at {@code stubBaseUrl} serves this API's server URL, e.g. {@code http://127.0.0.1:8080/partoo/v2}. */
    public String stubServerUrl(String stubBaseUrl) {
        String base = stubBaseUrl.endsWith("/") ? stubBaseUrl.substring(0, stubBaseUrl.length() - 1) : stubBaseUrl;
        return base + "/" + id + spec().serverBasePath();
    }

    public static Optional<Preset> named(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.id.equals(wanted)).findFirst();
    }
}
