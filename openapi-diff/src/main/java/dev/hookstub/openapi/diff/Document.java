package dev.hookstub.openapi.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * One side of a comparison: the document's tree, read by JSON pointer. Its own {@code $ref} resolution, because the
 * diff must survive what openapi-core's refuses: a reference into another file is kept as an opaque leaf, and a
 * cycle of references ends the chain instead of failing.
 */
final class Document {

    private final JsonNode root;
    private final boolean openApi30;

    Document(JsonNode root) {
        this.root = root;
        this.openApi30 = root.path("openapi").asText("").startsWith("3.0");
    }

    JsonNode root() {
        return root;
    }

    boolean openApi30() {
        return openApi30;
    }

    JsonNode at(String pointer) {
        return root.at(pointer);
    }

    /** Follows local {@code $ref}s from {@code pointer} to a node that is none; its pointer. */
    String resolve(String pointer) {
        String current = pointer;
        Set<String> seen = new HashSet<>();
        while (seen.add(current)) {
            JsonNode ref = root.at(current).get("$ref");
            if (ref == null || !ref.isTextual() || !ref.asText().startsWith("#")) {
                return current;
            }
            // A fragment is URI-encoded on top of pointer escaping; keep '+' literal.
            String target = URLDecoder.decode(ref.asText().substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
            if (!target.isEmpty() && !target.startsWith("/")) {
                return current; // "#Pet" (an anchor) or "#components/...": not a pointer, kept as written
            }
            current = target;
        }
        return current;
    }

    /** The resolved node at {@code pointer}. */
    JsonNode resolved(String pointer) {
        return root.at(resolve(pointer));
    }

    /** RFC 6901: path templates and media types contain {@code /}. */
    static String append(String pointer, String token) {
        return pointer + "/" + token.replace("~", "~0").replace("/", "~1");
    }
}
