package dev.hookstub.conformance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.openapi.JsonPointers;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.Operation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A record a spec shows or a server returned, and the values in it that name it. The example record of an operation
 * that reads one is the first example of its first successful JSON response (a named example, the media type's
 * example, the schema's example, or one built from the properties' examples); the stub is seeded with exactly these
 * records, so their ids are the "existing resource" a positive read uses.
 */
record ExampleRecord(JsonNode record) {

    static Optional<ExampleRecord> of(OpenApiSpec spec, Operation operation, SchemaValues values) {
        for (String status : operation.responseStatuses()) {
            if (!status.startsWith("2")) {
                continue;
            }
            for (String contentType : spec.contentTypes(operation, status)) {
                String media = spec.responsePointer(operation, status) + "/content/" + JsonPointers.escape(contentType);
                Optional<JsonNode> example = MediaExamples.first(spec, media);
                if (example.isPresent()) {
                    return Optional.of(new ExampleRecord(example.get()));
                }
                Optional<String> schema = spec.responseSchemaPointer(operation, status, contentType);
                if (schema.isPresent()) {
                    Optional<JsonNode> written = values.exampleAsWritten(schema.get());
                    if (written.isPresent() && written.get().isObject()) {
                        return Optional.of(new ExampleRecord(written.get()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The value naming the record in the path parameter {@code pathParameter}. Servers name a record many ways: a
     * member called like the parameter ({@code gist_id}), its stem ({@code issue_number} is {@code number}, a
     * {@code sha} is a {@code sha}), {@code id}, or the id of a member named like the stem ({@code budget_id} is
     * {@code budget.id}); each is looked for at the top and one level down.
     */
    Optional<String> idFor(String pathParameter) {
        if (!record.isObject()) {
            return Optional.empty();
        }
        for (String member : candidates(pathParameter)) {
            Optional<String> found = scalar(record.get(member));
            if (found.isPresent()) {
                return found;
            }
        }
        String stem = stem(pathParameter);
        for (String nested : List.of(stem, camel(stem))) {
            JsonNode inner = record.get(nested);
            if (inner != null && inner.isObject()) {
                Optional<String> found = scalar(inner.get("id"));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the record has any member that could name it, for a create whose answer may rightly have none. */
    boolean namesItself() {
        return record.isObject() && record.size() > 0;
    }

    private static List<String> candidates(String parameter) {
        Set<String> names = new LinkedHashSet<>();
        names.add(parameter);
        String stem = stem(parameter);
        String lower = parameter.toLowerCase(Locale.ROOT);
        for (String suffix : List.of("number", "sha", "name", "key", "slug", "uuid", "login", "ref")) {
            if (lower.endsWith(suffix)) {
                names.add(suffix);
            }
        }
        names.add(stem + "_id");
        names.add(camel(stem) + "Id");
        names.add("id");
        return new ArrayList<>(names);
    }

    /** {@code thing_id}, {@code thingId} and {@code thing-id} are all {@code thing}. */
    private static String stem(String parameter) {
        String stem = parameter.replaceAll("(?i)[_-]?(id|number|sha|name|key|slug|uuid)$", "");
        return stem.isEmpty() ? parameter : stem;
    }

    private static String camel(String name) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '_' || c == '-') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    private static Optional<String> scalar(JsonNode value) {
        return value != null && value.isValueNode() && !value.isNull() && !value.asText().isEmpty()
                ? Optional.of(value.asText()) : Optional.empty();
    }

    /**
     * Whether the boolean query parameter {@code name} selects this record's mode: Mollie's records carry
     * {@code mode: test|live} and a test-mode record is found only with {@code testmode=true}. The rule is read
     * generically, {@code <value>mode} for a {@code mode} member with that value, so it needs no API's name.
     */
    boolean selectedBy(String name) {
        JsonNode mode = record.get("mode");
        return mode != null && mode.isTextual() && name.equalsIgnoreCase(mode.asText() + "mode");
    }
}
