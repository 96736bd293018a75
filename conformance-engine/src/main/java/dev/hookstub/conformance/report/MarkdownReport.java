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
        if (!runs.isEmpty() && runs.get(0).settings().observed()) {
            md.append(ResultGroups.OBSERVED).append(".\n\n");
        } else if (!runs.isEmpty()) {
            long seed = runs.get(0).settings().seed();
            md.append("Seed `").append(seed).append("` (replay: `--seed ").append(seed)
                    .append("`, in the suite `-Dconformance.seed=").append(seed).append("`), ")
                    .append(runs.get(0).settings().generatedCases()).append(" generated valid requests per operation")
                    .append(runs.get(0).readOnly() ? ", **read-only**" : "").append(".\n\n");
        }
        md.append("| spec | operations | checks | passed | failed | errors | skipped | requests | time |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (RunResult run : runs) {
            md.append("| ").append(run.spec()).append(" | ").append(run.operations()).append(" | ")
                    .append(run.results().size()).append(" | ").append(run.count(Outcome.PASSED)).append(" | ")
                    .append(run.count(Outcome.FAILED)).append(" | ").append(run.count(Outcome.ERROR)).append(" | ")
                    .append(run.count(Outcome.SKIPPED)).append(" | ")
                    .append(run.cases()).append(" | ").append(run.elapsedMillis()).append(" ms |\n");
        }
        runs.forEach(run -> run.notes().forEach(note -> md.append("\n**Note:** ").append(escape(note)).append('\n')));
        md.append("\nChecks: ").append(String.join("; ", ResultGroups.checksMade(runs).stream()
                .map(check -> "`" + check.checkName() + "` " + check.summary()).toList())).append(".\n");
        runs.forEach(run -> spec(md, run));
        coverage(md, coverage, findings, verdict);
        return md.toString();
    }

    private static void spec(StringBuilder md, RunResult run) {
        md.append("\n## ").append(run.spec()).append("\n\nChecked at `").append(run.target()).append("`.\n");
        List<ResultGroups.Group> failures = ResultGroups.failures(run);
        if (!failures.isEmpty()) {
            md.append("\n### Failures by cause\n\n| check | what went wrong (first case) | operations |\n|---|---|---|\n");
            failures.forEach(group -> md.append("| `").append(group.check().checkName()).append("` | ")
                    .append(escape(group.reason())).append(" | ").append(names(group)).append(" |\n"));
        }
        List<ResultGroups.Group> errors = ResultGroups.errors(run);
        if (!errors.isEmpty()) {
            md.append("\n### Errors: operations that could not be checked\n\n");
            errors.forEach(group -> md.append("- ").append(escape(group.reason())).append(": ").append(names(group))
                    .append('\n'));
        }
        if (!ResultGroups.showsMatrix(run)) {
            md.append("\n(" + run.operations() + " operations: no operations × checks table; the causes above name the"
                    + " operations, conformance.xml holds every result.)\n");
        } else {
            matrix(md, run);
        }

        run.comparedWith().ifPresent(other -> comparison(md, run, other));
        List<ResultGroups.Group> skipped = ResultGroups.skips(run);
        if (!skipped.isEmpty()) {
            md.append("\n### Skipped, by reason\n\n");
            skipped.forEach(group -> md.append("- ").append(escape(group.reason())).append(" (")
                    .append(group.members().size()).append("): ").append(checkNames(group)).append(" of ")
                    .append(names(group)).append('\n'));
        }
        List<CheckResult> failed = run.failed();
        if (!failed.isEmpty()) {
            md.append("\n### Failures\n");
            failed.stream().limit(ResultGroups.FAILURE_SECTIONS).forEach(r -> failure(md, r));
            if (failed.size() > ResultGroups.FAILURE_SECTIONS) {
                md.append("\n(").append(failed.size() - ResultGroups.FAILURE_SECTIONS)
                        .append(" more failing results; the causes above name them, conformance.xml holds each.)\n");
            }
        }
    }

    private static void matrix(StringBuilder md, RunResult run) {
        Map<String, Map<Check, CheckResult>> byOperation = new LinkedHashMap<>();
        run.results().forEach(r -> byOperation.computeIfAbsent(r.operationLabel() + " (" + r.operationId() + ")",
                k -> new LinkedHashMap<>()).put(r.check(), r));
        List<Check> columns = ResultGroups.checksMade(List.of(run));
        md.append("\n### Operations × checks\n\n| operation |");
        for (Check check : columns) {
            md.append(' ').append(check.checkName()).append(" |");
        }
        md.append("\n|---|").append("---|".repeat(columns.size())).append('\n');
        byOperation.forEach((operation, checks) -> {
            md.append("| ").append(escape(operation)).append(" |");
            for (Check check : columns) {
                CheckResult result = checks.get(check);
                if (result == null) {
                    md.append(" – |");
                    continue;
                }
                md.append(' ').append(switch (result.outcome()) {
                    case PASSED -> "pass (" + result.cases() + ")";
                    case FAILED -> "**FAIL** (" + result.failureCount() + "/" + result.cases() + ")";
                    case SKIPPED -> "skip";
                    case ERROR -> "**ERROR**";
                }).append(" |");
            }
            md.append('\n');
        });
        md.append("\n(pass (n): n requests judged by the check.)\n");
    }

    private static void comparison(StringBuilder md, RunResult run, String other) {
        md.append("\n### Compared with `").append(other).append("`\n\n");
        if (run.differences().isEmpty()) {
            md.append("The same requests got answers of the same shape (status, content type, properties and their"
                    + " types, error format).\n");
            return;
        }
        md.append("Values that rightly differ (ids, timestamps, secrets) are compared by shape only.\n\n")
                .append("| operation | request | difference |\n|---|---|---|\n");
        run.differences().stream().limit(ResultGroups.DIFFERENCES_SHOWN).forEach(difference -> md.append("| `")
                .append(escape(difference.operation())).append("` | ").append(escape(difference.request()))
                .append(" | ").append(escape(difference.describe())).append(" |\n"));
        if (run.differences().size() > ResultGroups.DIFFERENCES_SHOWN) {
            md.append("\n(").append(run.differences().size() - ResultGroups.DIFFERENCES_SHOWN)
                    .append(" more differences.)\n");
        }
    }

    private static String names(ResultGroups.Group group) {
        List<String> names = group.operationNames();
        String shown = String.join(", ", names.stream().limit(ResultGroups.NAMES_SHOWN).map(n -> "`" + n + "`").toList());
        return names.size() <= ResultGroups.NAMES_SHOWN ? shown : shown + " and " + (names.size() - ResultGroups.NAMES_SHOWN)
                + " more";
    }

    private static String checkNames(ResultGroups.Group group) {
        return String.join(", ", group.members().stream().map(r -> "`" + r.check().checkName() + "`").distinct().toList());
    }

    private static void failure(StringBuilder md, CheckResult result) {
        md.append("\n#### ").append(result.operationId()).append(" · `").append(result.check().checkName())
                .append("` (").append(result.failureCount()).append(" of ").append(result.cases()).append(")\n");
        for (CaseFailure failure : result.failures()) {
            md.append("\n- **").append(escape(failure.caseDescription())).append("**: ").append(escape(failure.reason()))
                    .append("\n  - request: `").append(failure.request().method()).append(' ')
                    .append(failure.request().url()).append('`');
            failure.request().headers().forEach((name, value) ->
                    md.append("\n  - header: `").append(name).append(": ").append(value).append('`'));
            if (failure.request().body() != null) {
                md.append("\n  - body: `").append(failure.request().body().replace("`", "'")).append('`');
            }
            md.append("\n  - response: `").append(failure.response().answered() ? failure.response().status()
                            : "no answer: " + failure.response().failure())
                    .append(failure.response().contentType() == null ? "" : " " + failure.response().contentType())
                    .append('`');
            if (!failure.response().excerpt().isEmpty()) {
                md.append(" `").append(failure.response().excerpt().replace("`", "'").replace("\n", " ")).append('`');
            }
            for (Violation violation : failure.violations().stream().limit(ResultGroups.VIOLATIONS_SHOWN).toList()) {
                md.append("\n  - violation at `").append(violation.pointer().isEmpty() ? "<root>" : violation.pointer())
                        .append("`: ").append(escape(violation.reason()));
            }
            if (failure.violations().size() > ResultGroups.VIOLATIONS_SHOWN) {
                md.append("\n  - and ").append(failure.violations().size() - ResultGroups.VIOLATIONS_SHOWN)
                        .append(" more violations");
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
