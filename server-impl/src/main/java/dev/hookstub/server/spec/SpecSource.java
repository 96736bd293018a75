package dev.hookstub.server.spec;

import dev.hookstub.server.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the APIs' specs are read from: the specs module's jar, or a folder whose files replace the built-in ones of
 * the same name (the others still come from the jar). A folder is how the stub is started on changed copies of the
 * specs without a build, as the spec-change drill does; what the build generated from the specs (the Jersey
 * resources, the clients) is not changed by it.
 */
public final class SpecSource {

    private static final SpecSource BUILT_IN = new SpecSource(null);

    /** Null for the jar alone. */
    private final Path folder;

    private SpecSource(Path folder) {
        this.folder = folder;
    }

    public static SpecSource builtIn() {
        return BUILT_IN;
    }

    public static SpecSource folder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new ConfigException(folder + ": not a folder of spec files");
        }
        return new SpecSource(folder);
    }

    public SpecFile load(String file) {
        Path changed = folder == null ? null : folder.resolve(file);
        if (changed == null || !Files.isRegularFile(changed)) {
            return SpecFile.load(file);
        }
        try {
            return SpecFile.read(file, Files.readAllBytes(changed));
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(changed + ": cannot read the spec (" + e.getMessage() + ")");
        }
    }
}
