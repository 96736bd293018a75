package dev.hookstub.openapi.diff;

/**
 * Which way a schema's values travel. A change that narrows what a request may carry breaks the clients that send
 * it; the same change in a response narrows what clients must be ready for, which breaks nobody.
 */
enum Direction {
    REQUEST("request"),
    RESPONSE("response");

    private final String prefix;

    Direction(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }
}
