package dev.hookstub.conformance.report;

import dev.hookstub.conformance.checks.CaseFailure;
import dev.hookstub.conformance.checks.Check;
import dev.hookstub.conformance.checks.CheckResult;
import dev.hookstub.conformance.checks.CheckResult.Outcome;
import dev.hookstub.conformance.checks.RunResult;
import dev.hookstub.openapi.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The human-readable report: per spec, operations × checks, then every failure with its request and violations. */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(List<RunResult> runs, List<CoverageRow> coverage, List<String> findings, String verdict) {
        StringBuilder md = new StringBuilder("# Conformance report\n\n");
        if (!runs.isEmpty()) {
            long seed = runs.get(0).settings().seed();
            md.append("Seed `").append(seed).append("` (replay: `--seed ").append(seed)
                    .append("`, in the suite `-Dconformance.seed=").append(seed).append("`), ")
                    .append(runs.get(0).settings().generatedCases()).append(" generated valid requests per operation")
                    .append(runs.get(0).readOnly() ? ", **read-only**" : "").append(".\n\n");
        }
        md.append("| spec | operations | checks | passed | failed | skipped | requests | time |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (RunResult run : runs) {
            md.append("| ").append(run.spec()).append(" | ").append(run.operations()).append(" | ")
                    .append(run.results().size()).append(" | ").append(run.count(Outcome.PASSED)).append(" | ")
                    .append(run.count(Outcome.FAILED)).append(" | ").append(run.count(Outcome.SKIPPED)).append(" | ")
                    .append(run.cases()).append(" | ").append(run.elapsedMillis()).append(" ms |\n");
        }
        md.append("\nChecks: ");
        for (Check check : Check.values()) {
            md.append("`").append(check.checkName()).append("` ").append(check.summary())
                    .append(check.ordinal() < Check.values().length - 1 ? "; " : ".\n");
        }
        runs.forEach(run -> spec(md, run));
        coverage(md, coverage, findings, verdict);
        return md.toString();
    }

    private static void spec(StringBuilder md, RunResult run) {
        md.append("\n## ").append(run.spec()).append("\n\nChecked at `").append(run.target()).append("`.\n\n");
        Map<String, Map<Check, CheckResult>> byOperation = new LinkedHashMap<>();
        run.results().forEach(r -> byOperation.computeIfAbsent(r.operationLabel() + " (" + r.operationId() + ")",
                k -> new LinkedHashMap<>()).put(r.check(), r));
        md.append("| operation |");
        for (Check check : Check.values()) {
            md.append(' ').append(check.checkName()).append(" |");
        }
        md.append("\n|---|").append("---|".repeat(Check.values().length)).append('\n');
        byOperation.forEach((operation, checks) -> {
            md.append("| ").append(operation).append(" |");
            for (Check check : Check.values()) {
                CheckResult result = checks.get(check);
                if (result == null) {
                    md.append(" – |");
                    continue;
                }
                md.append(' ').append(switch (result.outcome()) {
                    case PASSED -> "pass (" + result.cases() + ")";
                    case FAILED -> "**FAIL** (" + result.failures().size() + "/" + result.cases() + ")";
                    case SKIPPED -> "skip";
                }).append(" |");
            }
            md.append('\n');
        });
        md.append("\n(pass (n): n requests judged by the check.)\n");
        List<CheckResult> skipped = run.results().stream().filter(r -> r.outcome() == Outcome.SKIPPED).toList();
        if (!skipped.isEmpty()) {
            md.append("\n### Skipped\n\n");
            skipped.forEach(r -> md.append("- ").append(r.operationId()).append(" `").append(r.check().checkName())
                    .append("`: ").append(r.skipReason()).append('\n'));
        }
        List<CheckResult> failed = run.failed();
        if (!failed.isEmpty()) {
            md.append("\n### Failures\n");
            failed.forEach(r -> failure(md, r));
        }
    }

    private static void failure(StringBuilder md, CheckResult result) {
        md.append("\n#### ").append(result.operationId()).append(" · `").append(result.check().checkName())
                .append("` (").append(result.failures().size()).append(" of ").append(result.cases()).append(")\n");
        for (CaseFailure failure : result.failures()) {
            md.append("\n- **").append(escape(failure.caseDescription())).append("**: ").append(escape(failure.reason()))
                    .append("\n  - request: `").append(failure.request().method()).append(' ')
                    .append(failure.request().url()).append('`');
            failure.request().headers().forEach((name, value) ->
                    md.append("\n  - header: `").append(name).append(": ").append(value).append('`'));
            if (failure.request().body() != null) {
                md.append("\n  - body: `").append(failure.request().body().replace("`", "'")).append('`');
            }
            md.append("\n  - response: `").append(failure.response().status())
                    .append(failure.response().contentType() == null ? "" : " " + failure.response().contentType())
                    .append('`');
            if (!failure.response().excerpt().isEmpty()) {
                md.append(" `").append(failure.response().excerpt().replace("`", "'").replace("\n", " ")).append('`');
            }
            for (Violation violation : failure.violations()) {
                md.append("\n  - violation at `").append(violation.pointer().isEmpty() ? "<root>" : violation.pointer())
                        .append("`: ").append(escape(violation.reason()));
            }
            md.append('\n');
        }
    }

    private static void coverage(StringBuilder md, List<CoverageRow> rows, List<String> findings, String verdict) {
        md.append("\n## Coverage of declared responses\n\n");
        if (rows.isEmpty()) {
            md.append("The coverage gate did not run.\n");
            return;
        }
        md.append(escape(verdict)).append("\n\n| spec | operation | status | provoked | note |\n|---|---|---|---|---|\n");
        rows.forEach(row -> md.append("| ").append(row.spec()).append(" | ").append(row.operationId()).append(" | ")
                .append(row.status()).append(" | ").append(row.state()).append(" | ").append(escape(row.note()))
                .append(" |\n"));
        if (!findings.isEmpty()) {
            md.append('\n');
            findings.forEach(finding -> md.append("- ").append(escape(finding)).append('\n'));
        }
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
