package dev.hookstub.conformance.checks;

import java.security.SecureRandom;

/**
 * How a run generates its requests: the seed of every {@link java.util.Random} it uses, and how many generated valid
 * requests it sends per operation. {@code -Dconformance.seed=N} replays a run; {@code -Dconformance.cases=N} bounds it.
 *
 * @param seed           printed with every report, so a failure can be replayed
 * @param generatedCases generated valid requests per operation (examples, invalid and credential cases come on top)
 * @param boundaryValues whether to send the valid boundary values of each parameter too (the same for every seed)
 */
public record RunSettings(long seed, int generatedCases, boolean boundaryValues) {

    /** Chosen once per JVM, so that every API checked in one build shares the seed the report prints. */
    private static final long JVM_SEED = Long.getLong("conformance.seed", new SecureRandom().nextInt(1_000_000_000));

    public static RunSettings fromSystemProperties() {
        return new RunSettings(JVM_SEED, Integer.getInteger("conformance.cases", 8), true);
    }

    public RunSettings withGeneratedCases(int count) {
        return new RunSettings(seed, count, boundaryValues);
    }

    /**
     * Without boundary values: for runs whose point is not the server's handling of edge values (proving a check
     * can fail, following a changed spec), so that a known edge-value bug of the stub does not blur them.
     */
    public RunSettings withoutBoundaryValues() {
        return new RunSettings(seed, generatedCases, false);
    }
}
