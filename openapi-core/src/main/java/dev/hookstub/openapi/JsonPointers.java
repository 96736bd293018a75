package dev.hookstub.openapi;

/** RFC 6901 escaping, needed because path templates and media types contain {@code /}. */
final class JsonPointers {

    private JsonPointers() {
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    static String append(String pointer, String token) {
        return pointer + "/" + escape(token);
    }
}
