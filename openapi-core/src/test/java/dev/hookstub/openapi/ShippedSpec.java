package dev.hookstub.openapi;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The four documents the specs module ships, read as any user's document is. */
enum ShippedSpec {
    MIJNKLANTPORTAAL("mijnklantportaal", "openapi/mijnklantportaal.yaml"),
    EQUALSMONEY("equalsmoney", "openapi/equalsmoney.yaml"),
    PARTOO("partoo", "openapi/partoo.yaml"),
    MOLLIE("mollie", "openapi/mollie.json");

    private static final ConcurrentMap<ShippedSpec, OpenApiSpec> LOADED = new ConcurrentHashMap<>();

    private final String id;
    private final String resource;

    ShippedSpec(String id, String resource) {
        this.id = id;
        this.resource = resource;
    }

    String id() {
        return id;
    }

    OpenApiSpec spec() {
        return LOADED.computeIfAbsent(this, shipped -> OpenApiSpec.fromClasspath(shipped.id, shipped.resource));
    }
}
