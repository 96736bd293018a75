package dev.hookstub.conformance.report;

import dev.hookstub.conformance.checks.CheckResult.Outcome;
import dev.hookstub.conformance.checks.RunResult;
import java.nio.file.Path;
import java.util.List;

/** The small table printed at the end of a run. */
final class ConsoleSummary {

    private ConsoleSummary() {
    }

    static String render(List<RunResult> runs, String coverageVerdict, Path markdown) {
        StringBuilder text = new StringBuilder("\nConformance summary");
        if (!runs.isEmpty() && !runs.get(0).settings().observed()) {
            long seed = runs.get(0).settings().seed();
            text.append(" (seed ").append(seed).append(')');
        }
        String row = "%n%-18s %10s %7s %7s %7s %7s %8s %9s %9s";
        text.append(String.format(row, "spec", "operations", "checks", "passed", "failed", "errors", "skipped",
                "requests", "time"));
        for (RunResult run : runs) {
            text.append(String.format(row, run.spec(), run.operations(), run.results().size(),
                    run.count(Outcome.PASSED), run.count(Outcome.FAILED), run.count(Outcome.ERROR),
                    run.count(Outcome.SKIPPED), run.cases(), run.elapsedMillis() + " ms"));
        }
        for (RunResult run : runs) {
            ResultGroups.failures(run).stream().limit(20).forEach(group -> text.append("\n  FAILED ")
                    .append(group.check().checkName()).append(" on ").append(group.operationNames().size())
                    .append(" operation(s), e.g. ").append(group.example().operationId()).append(": ")
                    .append(group.reason()));
        }
        if (!coverageVerdict.isEmpty()) {
            text.append("\nCoverage: ").append(coverageVerdict);
        }
        if (markdown != null) {
            text.append("\nReport: ").append(markdown.toAbsolutePath().normalize());
        }
        return text.append('\n').toString();
    }
}
