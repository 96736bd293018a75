package dev.hookstub.conformance.coverage;

import static org.junit.jupiter.api.Assertions.fail;

import dev.hookstub.conformance.checks.CheckResult.Outcome;
import dev.hookstub.conformance.checks.RunResult;
import dev.hookstub.conformance.suite.ConformanceReport;
import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.conformance.support.ConformanceTarget;
import dev.hookstub.conformance.support.ConformanceTest;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.conformance.support.ProvokedResponses;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The coverage gate, run after every other test class: it enumerates each spec's operations and declared responses
 * now, at test time, so an operation or response added to a spec is covered by it without any change here.
 *
 * <p>It fails the build for an operation on which no check judged a request, for a declared response that no test
 * provoked (responses of the server under test only: validated by {@code SpecValidationFilter} or the check engine)
 * and that {@code unreachable-responses.yaml} does not list with its reason, and for an entry of that list that is
 * no longer true.
 *
 * <p>It enforces only a full run against the stub this suite started: all four APIs, not read-only. Elsewhere (a
 * provider's sandbox, a partial run, a read-only run) several declared responses need the stub's fixtures (a second
 * tenant, an ORG_ADMIN of another organisation) or a create, so its findings are reported (in the report and as
 * the reason this test is skipped) but do not fail the build.
 */
@ConformanceTest
@RunsLast
class CoverageGateTest {

    @Test
    void everyOperationIsCheckedAndEveryDeclaredResponseIsProvokedOrListedAsUnreachable(ConformanceTarget target) {
        List<Preset> apis = Arrays.stream(Preset.values()).filter(target::checks).toList();
        List<OpenApiSpec> specs = apis.stream().map(Preset::spec).toList();
        CoverageGate.Findings findings = CoverageGate.evaluate(specs, provokedBy(target), checkedOperations(),
                UnreachableResponse.load());
        boolean enforced = !target.external() && !target.readOnly() && apis.size() == Preset.values().length;
        String verdict = enforced
                ? (findings.failures().isEmpty() ? "enforced: complete" : "enforced: FAILED, " + findings.failures().size()
                        + " finding(s)")
                : "not enforced (only a full, writable run against the stub is), " + findings.failures().size()
                        + " finding(s)";
        ConformanceReport.publishCoverage(findings.rows(), findings.failures(), verdict);
        if (findings.failures().isEmpty()) {
            return;
        }
        String message = "Coverage gate: " + findings.failures().stream().collect(Collectors.joining("\n  - ", "\n  - ", ""));
        if (enforced) {
            fail(message);
        }
        Assumptions.abort("not enforced in this run. " + message);
    }

    /** Responses of the server under test only: the suite's own machinery tests run servers of their own. */
    private static Set<CoverageGate.Provoked> provokedBy(ConformanceTarget target) {
        Set<CoverageGate.Provoked> provoked = new HashSet<>();
        for (ProvokedResponses.Provoked response : ProvokedResponses.all()) {
            java.util.Optional<Preset> api = Preset.named(response.spec());
            if (api.isPresent() && target.checks(api.get())
                    && response.origin().equals(ProvokedResponses.originOf(target.serverUrl(api.get())))) {
                provoked.add(new CoverageGate.Provoked(response.spec(), response.operationId(), response.status()));
            }
        }
        return provoked;
    }

    private static Set<String> checkedOperations() {
        Set<String> checked = new HashSet<>();
        for (RunResult run : ConformanceReport.runs()) {
            run.results().stream()
                    .filter(result -> result.outcome() != Outcome.SKIPPED)
                    .forEach(result -> checked.add(result.spec() + " " + result.operationId()));
        }
        return checked;
    }
}
