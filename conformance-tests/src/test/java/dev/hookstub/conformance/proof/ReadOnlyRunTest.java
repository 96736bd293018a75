package dev.hookstub.conformance.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.hookstub.conformance.checks.Check;
import dev.hookstub.conformance.checks.CheckResult;
import dev.hookstub.conformance.checks.CheckResult.Outcome;
import dev.hookstub.conformance.checks.ConformanceRun;
import dev.hookstub.conformance.checks.RunResult;
import dev.hookstub.conformance.checks.RunSettings;
import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.conformance.support.ConformanceTarget;
import dev.hookstub.conformance.support.ConformanceTest;
import dev.hookstub.openapi.OpenApiSpec;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A read-only run sends nothing that could create or change a record (as seen by a proxy in front of the stub), and
 * reports the checks that would have needed such a request as skipped, with the reason.
 */
@ConformanceTest({Preset.MIJNKLANTPORTAAL, Preset.EQUALSMONEY, Preset.PARTOO, Preset.MOLLIE})
class ReadOnlyRunTest {

    private static final Set<Check> NEED_THE_POST = Set.of(Check.POSITIVE_DATA_ACCEPTANCE,
            Check.NEGATIVE_DATA_REJECTION, Check.IGNORED_AUTH, Check.ENSURE_RESOURCE_AVAILABILITY);

    @Test
    void aReadOnlyRunSendsOnlyGetsAndReportsWhatItSkipped(ConformanceTarget target) throws Exception {
        assumeFalse(target.external(), "needs the stub this suite starts, to put the proxy in front of it");
        List<String> requests = new CopyOnWriteArrayList<>();
        List<RunResult> runs;
        try (FaultInjectingProxy proxy = new FaultInjectingProxy(target.stubLayoutBaseUrl())) {
            proxy.inject(Faults.recording(requests));
            ConformanceTarget readOnly = ConformanceTarget.from(proxy.baseUrl()).readOnlyCopy();
            RunSettings settings = RunSettings.fromSystemProperties().withGeneratedCases(3).withoutBoundaryValues();
            runs = List.of(Preset.values()).stream()
                    .map(api -> new ConformanceRun(api.spec(), readOnly.runTarget(api), settings).run()).toList();
        }
        assertFalse(requests.isEmpty());
        assertEquals(List.of(), requests.stream().filter(request -> !request.startsWith("GET ")).toList(),
                "requests other than GET");
        for (RunResult run : runs) {
            assertTrue(run.readOnly());
            assertEquals(List.of(), run.failed().stream().map(CheckResult::failureText).toList(), run.spec());
        }
        RunResult mkp = runs.get(0);
        for (CheckResult result : mkp.results()) {
            // The others judge the GET probe of the create's path too, so they ran.
            if (result.operationId().equals("create-webhook") && NEED_THE_POST.contains(result.check())) {
                assertEquals(Outcome.SKIPPED, result.outcome(), result.displayName());
                assertTrue(result.skipReason().startsWith("read-only run"), result.skipReason());
            }
        }
        CheckResult getProbes = mkp.results().stream()
                .filter(r -> r.operationId().equals("get-webhook") && r.check() == Check.UNSUPPORTED_METHOD)
                .findFirst().orElseThrow();
        assertEquals(Outcome.SKIPPED, getProbes.outcome());
        assertTrue(getProbes.skipReason().startsWith("read-only run"), getProbes.skipReason());
        assertTrue(Collections.frequency(requests.stream().map(r -> r.split("\\?")[0]).toList(),
                "GET /mijnklantportaal/v1/webhooks") == 1, "GET is the one probe the create's path gets: " + requests);
    }
}
