package dev.hookstub.openapi;

import java.util.Locale;
import java.util.Optional;

/**
 * A parameter as the operation sees it, {@code $ref}s already resolved.
 *
 * @param in            path, query, header or cookie
 * @param schemaPointer JSON pointer, inside the spec document, to the parameter's schema (the target of a
 *                      {@code $ref}, not the reference), usable with the same schema machinery as response schemas;
 *                      for a parameter described by {@code content}, its media type's schema; empty when neither
 * @param style         how the value is written, as OpenAPI's {@code style} (its default when the spec gives none)
 * @param explode       OpenAPI's {@code explode}, defaulted as OpenAPI says (true for {@code form} only)
 * @param pointer       JSON pointer of the parameter object itself, for its {@code example} and {@code examples}
 * @param contentType   the media type of a parameter described by {@code content} (e.g. JSON in a query
 *                      parameter), empty for one described by {@code schema}
 */
public record Parameter(String name, String in, boolean required, Optional<String> schemaPointer, String style,
                        boolean explode, String pointer, Optional<String> contentType) {

    /** A parameter with OpenAPI's default style for where it goes. */
    public Parameter(String name, String in, boolean required, Optional<String> schemaPointer) {
        this(name, in, required, schemaPointer, defaultStyle(in), defaultStyle(in).equals("form"), "",
                Optional.empty());
    }

    /** OpenAPI's default: {@code form} for query and cookie parameters, {@code simple} for path and header ones. */
    public static String defaultStyle(String in) {
        return switch (in.toLowerCase(Locale.ROOT)) {
            case "query", "cookie" -> "form";
            default -> "simple";
        };
    }

    public boolean inPath() {
        return in.equals("path");
    }

    public boolean inQuery() {
        return in.equals("query");
    }

    public boolean inHeader() {
        return in.equals("header");
    }

    public boolean inCookie() {
        return in.equals("cookie");
    }
}
