package dev.hookstub.conformance.cli;

import dev.hookstub.openapi.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A report folder is tried before the run (of hookstub check, or of hookstub proxy), so that an unusable one fails in a
 * second, not after an hour's run.
 */
public final class ReportFolder {

    private ReportFolder() {
    }

    /** Why the reports cannot be written into {@code folder}; empty when they can (it is created if missing). */
    public static Optional<String> problem(Path folder) {
        try {
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, ".hookstub-write-test", ".tmp");
            Files.delete(probe);
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.of(Problems.describe(e));
        }
    }
}
