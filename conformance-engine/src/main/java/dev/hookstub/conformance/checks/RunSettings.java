package dev.hookstub.conformance.checks;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * How a run generates its requests, which checks it makes, and how long it waits: the seed of every
 * {@link java.util.Random} it uses, how many generated valid requests it sends per operation, the checks selected (a
 * check left out sends none of the requests only it needs, and is absent from the results), and its time limits.
 *
 * @param seed            printed with every report, so a failure can be replayed
 * @param generatedCases  generated valid requests per operation (examples, invalid and credential cases come on top)
 * @param boundaryValues  whether to send the valid boundary values of each parameter too (the same for every seed)
 * @param checks          the checks to make
 * @param requestTimeout  how long one request may go unanswered: then it fails its check, and the run goes on
 * @param maxResponseTime the limit {@code max_response_time} holds every answer to; empty skips that check
 * @param maxDuration     how long the whole run may take; operations not reached by then are skipped, saying so
 * @param observed        true for a report of traffic the engine did not send ({@link ObservedTraffic}): nothing was
 *                        generated, there is no seed to replay
 */
public record RunSettings(long seed, int generatedCases, boolean boundaryValues, Set<Check> checks,
                          Duration requestTimeout, Optional<Duration> maxResponseTime, Optional<Duration> maxDuration,
                          boolean observed) {

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

    /** Chosen once per JVM, so that every API checked in one build shares the seed the report prints. */
    private static final long JVM_SEED = Long.getLong("conformance.seed", new SecureRandom().nextInt(1_000_000_000));

    public RunSettings {
        if (generatedCases < 0) {
            throw new IllegalArgumentException("generated cases must be 0 or more, got " + generatedCases);
        }
        if (requestTimeout == null || requestTimeout.isZero() || requestTimeout.isNegative()) {
            throw new IllegalArgumentException("the request timeout must be positive, got " + requestTimeout);
        }
        checks = checks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(checks));
        maxResponseTime = maxResponseTime == null ? Optional.empty() : maxResponseTime;
        maxDuration = maxDuration == null ? Optional.empty() : maxDuration;
    }

    public RunSettings(long seed, int generatedCases, boolean boundaryValues, Set<Check> checks) {
        this(seed, generatedCases, boundaryValues, checks, DEFAULT_REQUEST_TIMEOUT, Optional.empty(), Optional.empty(),
                false);
    }

    public RunSettings(long seed, int generatedCases, boolean boundaryValues, Set<Check> checks,
                       Duration requestTimeout, Optional<Duration> maxResponseTime, Optional<Duration> maxDuration) {
        this(seed, generatedCases, boundaryValues, checks, requestTimeout, maxResponseTime, maxDuration, false);
    }

    /** A report of observed traffic judged by {@code checks}. */
    static RunSettings observed(Set<Check> checks) {
        return new RunSettings(0, 0, false, checks, DEFAULT_REQUEST_TIMEOUT, Optional.empty(), Optional.empty(), true);
    }

    /** Every check, 8 generated requests per operation, a fresh random seed. */
    public static RunSettings defaults() {
        return new RunSettings(new SecureRandom().nextInt(1_000_000_000), 8, true, Check.ofTheEngine());
    }

    /** {@code -Dconformance.seed=N} replays a run; {@code -Dconformance.cases=N} bounds it. */
    public static RunSettings fromSystemProperties() {
        return new RunSettings(JVM_SEED, Integer.getInteger("conformance.cases", 8), true, Check.ofTheEngine());
    }

    public RunSettings withSeed(long newSeed) {
        return new RunSettings(newSeed, generatedCases, boundaryValues, checks, requestTimeout, maxResponseTime,
                maxDuration);
    }

    public RunSettings withGeneratedCases(int count) {
        return new RunSettings(seed, count, boundaryValues, checks, requestTimeout, maxResponseTime, maxDuration);
    }

    public RunSettings withChecks(Set<Check> selected) {
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("no check selected");
        }
        return new RunSettings(seed, generatedCases, boundaryValues, selected, requestTimeout, maxResponseTime,
                maxDuration);
    }

    public RunSettings withRequestTimeout(Duration timeout) {
        return new RunSettings(seed, generatedCases, boundaryValues, checks, timeout, maxResponseTime, maxDuration);
    }

    public RunSettings withMaxResponseTime(Duration limit) {
        return new RunSettings(seed, generatedCases, boundaryValues, checks, requestTimeout, Optional.of(limit),
                maxDuration);
    }

    public RunSettings withMaxDuration(Duration limit) {
        return new RunSettings(seed, generatedCases, boundaryValues, checks, requestTimeout, maxResponseTime,
                Optional.of(limit));
    }

    /**
     * Without boundary values: for runs whose point is not the server's handling of edge values (proving a check
     * can fail, following a changed spec), so that a known edge-value bug of the stub does not blur them.
     */
    public RunSettings withoutBoundaryValues() {
        return new RunSettings(seed, generatedCases, false, checks, requestTimeout, maxResponseTime, maxDuration);
    }

    public boolean makes(Check check) {
        return checks.contains(check);
    }
}
