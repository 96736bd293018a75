package dev.hookstub.conformance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.Operation;
import java.util.List;
import java.util.Optional;

/**
 * The record a spec shows for an operation that reads one: the first example of its first successful JSON response
 * (a named example, the media type's example, the schema's example, or one built from the properties' examples).
 * The stub is seeded with exactly these records, so their ids are the "existing resource" a positive read uses.
 */
record ExampleRecord(JsonNode record) {

    static Optional<ExampleRecord> of(OpenApiSpec spec, Operation operation, SchemaValues values) {
        for (String status : operation.responseStatuses()) {
            if (!status.startsWith("2")) {
                continue;
            }
            for (String contentType : spec.contentTypes(operation, status)) {
                String media = spec.resolve(operation.pointer() + "/responses/" + status) + "/content/"
                        + SchemaValues.escape(contentType);
                JsonNode mediaType = spec.at(media);
                if (mediaType.path("examples").isObject() && mediaType.path("examples").size() > 0) {
                    String first = mediaType.path("examples").fieldNames().next();
                    JsonNode example = spec.at(spec.resolve(media + "/examples/" + SchemaValues.escape(first)));
                    if (example.has("value")) {
                        return Optional.of(new ExampleRecord(example.get("value")));
                    }
                }
                if (mediaType.has("example")) {
                    return Optional.of(new ExampleRecord(mediaType.get("example")));
                }
                Optional<String> schema = spec.responseSchemaPointer(operation, status, contentType);
                if (schema.isPresent()) {
                    Optional<JsonNode> example = values.exampleAsWritten(schema.get());
                    if (example.isPresent() && example.get().isObject()) {
                        return Optional.of(new ExampleRecord(example.get()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The value naming the record in a path: the member named like the path parameter, else {@code id}. */
    Optional<String> idFor(String pathParameter) {
        for (String member : List.of(pathParameter, "id")) {
            JsonNode value = record.get(member);
            if (value != null && value.isValueNode() && !value.isNull()) {
                return Optional.of(value.asText());
            }
        }
        return Optional.empty();
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
