package dev.hookstub.openapi;

import java.util.Locale;

/** Media-type comparison as HTTP defines it: parameters and case do not matter. */
public final class MediaTypes {

    private MediaTypes() {
    }

    /** {@code "Application/HAL+JSON; charset=utf-8"} becomes {@code "application/hal+json"}. */
    public static String essence(String contentType) {
        return contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code actual} satisfies {@code declared}, which may be {@code type/*} or {@code *}{@code /*}. */
    public static boolean matches(String declared, String actual) {
        String want = essence(declared);
        String got = essence(actual);
        if (want.equals("*/*") || want.equals(got)) {
            return true;
        }
        return want.endsWith("/*") && got.startsWith(want.substring(0, want.length() - 1));
    }

    public static boolean isJson(String contentType) {
        String type = essence(contentType);
        return type.equals("application/json") || type.endsWith("+json");
    }
}
