package dev.hookstub.openapi.diff;

/** oasdiff's three levels, worst first, so that sorting by ordinal puts errors on top. */
public enum Severity {
    /** Breaks someone: a client that worked with the old document fails with the new one. */
    ERROR("error"),
    /** May break someone, depending on what they do with the value or field. */
    WARNING("warning"),
    /** Breaks no client; worth knowing, and sometimes work for a server that implements the API. */
    INFO("info");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }
}
