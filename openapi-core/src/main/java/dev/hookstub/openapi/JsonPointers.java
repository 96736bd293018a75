package dev.hookstub.openapi;

/** RFC 6901 escaping, needed because path templates and media types contain {@code /}. */
public final class JsonPointers {

    private JsonPointers() {
    }

    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    public static String append(String pointer, String token) {
        return pointer + "/" + escape(token);
    }
}
