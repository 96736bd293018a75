package dev.hookstub.openapi.diff;

import dev.hookstub.openapi.OpenApiSpec;
import java.util.Optional;
import java.util.function.Function;

/** What {@code OLD} or {@code NEW} names: a preset, else a file or URL that openapi-core loads. */
final class SpecArgument {

    private SpecArgument() {
    }

    /** @throws dev.hookstub.openapi.SpecLoadException with one line saying what is wrong with the argument */
    static OpenApiSpec load(String argument, Function<String, Optional<OpenApiSpec>> presets) {
        return presets.apply(argument).orElseGet(() -> OpenApiSpec.load(argument));
    }
}
