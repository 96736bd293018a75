package dev.hookstub.openapi.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.SpecLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/** What {@code OLD} or {@code NEW} names: a preset, else a file or URL that openapi-core loads. */
final class SpecArgument {

    private static final YAMLMapper YAML = new YAMLMapper();

    private SpecArgument() {
    }

    /** @throws SpecLoadException with one line saying what is wrong with the argument */
    static OpenApiSpec load(String argument, Function<String, Optional<OpenApiSpec>> presets) {
        Optional<OpenApiSpec> preset = presets.apply(argument);
        if (preset.isPresent()) {
            return preset.get();
        }
        try {
            return OpenApiSpec.load(argument);
        } catch (SpecLoadException e) {
            throw swaggerTwo(argument).map(SpecLoadException::new).orElseGet(() -> plain(e));
        }
    }

    /** openapi-core passes on an exception's message, which is null when a connection is refused. */
    private static SpecLoadException plain(SpecLoadException e) {
        String message = e.getMessage();
        return message.endsWith(": null")
                ? new SpecLoadException(message.substring(0, message.length() - "null".length()) + "no answer")
                : e;
    }

    /**
     * openapi-core calls a Swagger 2.0 file "not OpenAPI 3.0 or 3.1 (openapi: '')"; a reader who has one is better
     * told what it is. Only asked once loading has failed, so the file is read a second time only then.
     */
    private static Optional<String> swaggerTwo(String argument) {
        try {
            Path file = Path.of(argument);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            JsonNode swagger = YAML.readTree(file.toFile()).path("swagger");
            return swagger.isMissingNode() ? Optional.empty() : Optional.of(argument + " is a Swagger "
                    + swagger.asText() + " document; hookstub diff compares OpenAPI 3.0 and 3.1 documents (convert it"
                    + " first, e.g. with swagger2openapi)");
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
