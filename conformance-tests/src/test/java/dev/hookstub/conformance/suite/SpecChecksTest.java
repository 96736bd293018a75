package dev.hookstub.conformance.suite;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.hookstub.conformance.checks.ConformanceRun;
import dev.hookstub.conformance.checks.RunResult;
import dev.hookstub.conformance.checks.RunSettings;
import dev.hookstub.conformance.support.ProvokedResponses;
import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.conformance.support.ConformanceTarget;
import dev.hookstub.conformance.support.ConformanceTest;
import dev.hookstub.openapi.OpenApiSpec;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every check on every operation of every spec checked in this run, one test each, named
 * {@code <api> <operationId> <check>}; a skipped check (not applicable, or read-only) shows as a skipped test with its
 * reason. The runs are published to the {@link ConformanceReport}.
 *
 * <p>Options: {@code -Dconformance.seed=N} replays a run (the seed is printed and in the report),
 * {@code -Dconformance.cases=N} sets the generated valid requests per operation (default 8),
 * {@code -Dconformance.trace=true} prints every exchange with credentials masked. What the server is, and read-only
 * mode, come from {@link ConformanceTarget}.
 */
@ConformanceTest({Preset.MIJNKLANTPORTAAL, Preset.EQUALSMONEY, Preset.PARTOO, Preset.MOLLIE})
class SpecChecksTest {

    /** Flat, not one container per API: surefire's XML then names each test just as the report does. */
    @TestFactory
    @DisplayName("check")
    Stream<DynamicTest> everyCheckOnEveryOperation(ConformanceTarget target) {
        RunSettings settings = RunSettings.fromSystemProperties();
        System.out.println("Conformance checks: seed " + settings.seed() + " (replay with -Dconformance.seed="
                + settings.seed() + "), " + settings.generatedCases() + " generated valid requests per operation");
        // flatMap is lazy: each API is run when JUnit reaches its first test, so the log shows them in order.
        return Arrays.stream(Preset.values())
                .filter(target::checks)
                .flatMap(api -> checksOf(api, target, settings));
    }

    private static Stream<DynamicTest> checksOf(Preset api, ConformanceTarget target, RunSettings settings) {
        RunResult run = new ConformanceRun(api.spec(), target.runTarget(api), settings)
                .observedBy(ProvokedResponses.OBSERVER).run();
        ConformanceReport.publish(run);
        // hookstub-junit's ConformanceTests.of(run) does the same; calling it would make this suite and the
        // extension depend on each other (the architecture test forbids the cycle).
        return run.results().stream().map(result -> dynamicTest(result.displayName(), () -> {
            switch (result.outcome()) {
                case FAILED -> Assertions.fail(result.failureText());
                case SKIPPED -> Assumptions.abort(result.skipReason());
                case PASSED -> { }
            }
        }));
    }
}
