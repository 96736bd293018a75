package dev.hookstub.conformance.cli;

import dev.hookstub.conformance.cli.CheckCommand.UsageException;
import dev.hookstub.openapi.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A credential given on the command line ({@code --credential V}, visible to {@code ps}), in an environment variable
 * ({@code --credential-env NAME}) or in a file ({@code --credential-file F}, its first line): one of the three.
 */
final class Secrets {

    private Secrets() {
    }

    /** The credential the options named {@code option}, {@code option-env} and {@code option-file} give, or null. */
    static String one(Map<String, String> values, String option) throws UsageException {
        List<String> given = List.of(option, option + "-env", option + "-file").stream()
                .filter(values::containsKey).toList();
        if (given.size() > 1) {
            throw new UsageException(String.join(" and ", given) + " cannot be combined: give the credential once");
        }
        if (given.isEmpty()) {
            return null;
        }
        String value = values.get(given.get(0));
        if (given.get(0).endsWith("-env")) {
            String fromEnvironment = System.getenv(value);
            if (fromEnvironment == null || fromEnvironment.isBlank()) {
                throw new UsageException(given.get(0) + ": the environment variable " + value + " is not set");
            }
            return fromEnvironment.strip();
        }
        if (given.get(0).endsWith("-file")) {
            try {
                String first = Files.readString(Path.of(value), StandardCharsets.UTF_8).lines().findFirst().orElse("")
                        .strip();
                if (first.isEmpty()) {
                    throw new UsageException(given.get(0) + ": " + value + " is empty");
                }
                return first;
            } catch (IOException | IllegalArgumentException e) {
                throw new UsageException(given.get(0) + ": cannot read " + value + ": " + Problems.describe(e));
            }
        }
        if (value.isBlank()) {
            // Most often a variable that is not set: `--credential "$KEY"` with KEY unset. Sent as it is, every
            // secured operation would fail on the server's 401.
            throw new UsageException(option + " is empty (was it given from an environment variable that is not "
                    + "set?)");
        }
        return value;
    }
}
