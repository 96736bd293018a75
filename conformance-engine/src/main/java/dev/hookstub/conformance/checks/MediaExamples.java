package dev.hookstub.conformance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.openapi.JsonPointers;
import dev.hookstub.openapi.OpenApiSpec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The examples a media type or a parameter object gives: its {@code examples} map (each entry's {@code value},
 * through {@code $ref}s to {@code components/examples}; an {@code externalValue} cannot be read) and its
 * {@code example}, in that order.
 */
final class MediaExamples {

    private MediaExamples() {
    }

    static List<JsonNode> all(OpenApiSpec spec, String pointer) {
        List<JsonNode> found = new ArrayList<>();
        JsonNode owner = spec.node(pointer);
        Iterator<String> names = owner.path("examples").isObject() ? owner.get("examples").fieldNames()
                : java.util.Collections.emptyIterator();
        while (names.hasNext()) {
            String example = spec.resolve(pointer + "/examples/" + JsonPointers.escape(names.next()));
            JsonNode value = spec.node(example).get("value");
            if (value != null) {
                found.add(value);
            }
        }
        if (owner.has("example")) {
            found.add(owner.get("example"));
        }
        return found;
    }

    static Optional<JsonNode> first(OpenApiSpec spec, String pointer) {
        return all(spec, pointer).stream().findFirst();
    }
}
