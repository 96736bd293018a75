package dev.hookstub.conformance.checks;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;

/**
 * How a run generates its requests and which checks it makes: the seed of every {@link java.util.Random} it uses,
 * how many generated valid requests it sends per operation, and the checks selected (a check left out sends none of
 * the requests only it needs, and is absent from the results).
 *
 * @param seed           printed with every report, so a failure can be replayed
 * @param generatedCases generated valid requests per operation (examples, invalid and credential cases come on top)
 * @param boundaryValues whether to send the valid boundary values of each parameter too (the same for every seed)
 * @param checks         the checks to make
 */
public record RunSettings(long seed, int generatedCases, boolean boundaryValues, Set<Check> checks) {

    /** Chosen once per JVM, so that every API checked in one build shares the seed the report prints. */
    private static final long JVM_SEED = Long.getLong("conformance.seed", new SecureRandom().nextInt(1_000_000_000));

    public RunSettings {
        if (generatedCases < 0) {
            throw new IllegalArgumentException("generated cases must be 0 or more, got " + generatedCases);
        }
        checks = checks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(checks));
    }

    /** Every check, 8 generated requests per operation, a fresh random seed. */
    public static RunSettings defaults() {
        return new RunSettings(new SecureRandom().nextInt(1_000_000_000), 8, true, EnumSet.allOf(Check.class));
    }

    /** {@code -Dconformance.seed=N} replays a run; {@code -Dconformance.cases=N} bounds it. */
    public static RunSettings fromSystemProperties() {
        return new RunSettings(JVM_SEED, Integer.getInteger("conformance.cases", 8), true, EnumSet.allOf(Check.class));
    }

    public RunSettings withSeed(long newSeed) {
        return new RunSettings(newSeed, generatedCases, boundaryValues, checks);
    }

    public RunSettings withGeneratedCases(int count) {
        return new RunSettings(seed, count, boundaryValues, checks);
    }

    public RunSettings withChecks(Set<Check> selected) {
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("no check selected");
        }
        return new RunSettings(seed, generatedCases, boundaryValues, selected);
    }

    /**
     * Without boundary values: for runs whose point is not the server's handling of edge values (proving a check
     * can fail, following a changed spec), so that a known edge-value bug of the stub does not blur them.
     */
    public RunSettings withoutBoundaryValues() {
        return new RunSettings(seed, generatedCases, false, checks);
    }

    public boolean makes(Check check) {
        return checks.contains(check);
    }
}
