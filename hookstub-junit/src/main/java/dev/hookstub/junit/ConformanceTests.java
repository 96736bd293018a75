package dev.hookstub.junit;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.hookstub.conformance.checks.ConformanceRun;
import dev.hookstub.conformance.checks.RunResult;
import dev.hookstub.conformance.checks.RunSettings;
import dev.hookstub.conformance.checks.RunTarget;
import dev.hookstub.openapi.OpenApiSpec;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * The conformance checks inside a user's own JUnit suite: one dynamic test per operation × check, named
 * {@code <spec> <operationId> <check>}; a failed check fails with every failing request (credentials masked), a check
 * that does not apply is skipped with its reason.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> myServerKeepsTheMollieContract() {
 *     return ConformanceTests.of(Preset.MOLLIE.spec(), RunTarget.of("https://sandbox.example/mollie", token));
 * }
 * }</pre>
 */
public final class ConformanceTests {

    private ConformanceTests() {
    }

    /** Runs when JUnit reaches the first test, with a fresh seed (named by any failure) and every check. */
    public static Stream<DynamicTest> of(OpenApiSpec spec, RunTarget target) {
        return of(spec, target, RunSettings.defaults());
    }

    public static Stream<DynamicTest> of(OpenApiSpec spec, RunTarget target, RunSettings settings) {
        // Nothing printed on a run that passes (a -q build stays quiet); a failure names the seed that replays it.
        String replay = "\n(" + spec.name() + " at " + target.serverUrl() + ", seed " + settings.seed()
                + ": RunSettings.withSeed(" + settings.seed() + ") replays these requests)";
        return Stream.of(spec).flatMap(s -> of(new ConformanceRun(s, target, settings).run(), replay));
    }

    /** The results of a run made elsewhere (e.g. one also published to a report), one dynamic test each. */
    public static Stream<DynamicTest> of(RunResult run) {
        return of(run, "");
    }

    private static Stream<DynamicTest> of(RunResult run, String replay) {
        return run.results().stream().map(result -> dynamicTest(result.displayName(), () -> {
            switch (result.outcome()) {
                case FAILED -> Assertions.fail(result.failureText() + replay);
                case SKIPPED -> Assumptions.abort(result.skipReason());
                case PASSED -> { }
            }
        }));
    }
}
