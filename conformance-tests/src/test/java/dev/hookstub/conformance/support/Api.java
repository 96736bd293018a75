package dev.hookstub.conformance.support;

/** The four webhook APIs under test, each tied to the spec file the {@code specs} module ships. */
public enum Api {
    MIJNKLANTPORTAAL("mijnklantportaal", "mijnklantportaal.yaml"),
    EQUALSMONEY("equalsmoney", "equalsmoney.yaml"),
    PARTOO("partoo", "partoo.yaml"),
    MOLLIE("mollie", "mollie.json");

    private final String id;
    private final String specFile;

    Api(String id, String specFile) {
        this.id = id;
        this.specFile = specFile;
    }

    public String id() {
        return id;
    }

    /** Classpath resource name; the specs jar packages every spec under {@code openapi/}. */
    public String specResource() {
        return "openapi/" + specFile;
    }
}
