package dev.hookstub.conformance.report;

import dev.hookstub.conformance.checks.CaseFailure;
import dev.hookstub.conformance.checks.Check;
import dev.hookstub.conformance.checks.CheckResult;
import dev.hookstub.conformance.checks.CheckResult.Outcome;
import dev.hookstub.conformance.checks.RunResult;
import dev.hookstub.openapi.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Markdown report as one self-contained HTML page: inline styles only, no script and no reference to anything
 * outside the page (links go to in-page anchors only), so it opens from disk or a CI artifact without a network. A
 * Content-Security-Policy that forbids every script and outside resource backs that up. The markup is also well-formed
 * XML. Everything taken from a run is escaped; requests and excerpts are shown as the engine masked them.
 */
final class HtmlReport {

    private static final String STYLE = """
            :root { color-scheme: light; --pass: #1a7f37; --pass-bg: #dafbe1; --fail: #b91c1c; --fail-bg: #ffe4e4;
                    --skip: #57606a; --skip-bg: #eaeef2; --line: #d0d7de; --code-bg: #f6f8fa; }
            * { box-sizing: border-box; }
            body { margin: 0 auto; max-width: 1400px; padding: 1rem 1.5rem 3rem; color: #1f2328; background: #fff;
                   font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
            h1 { font-size: 1.6rem; margin: .5rem 0; }
            h2 { font-size: 1.3rem; margin: 2.5rem 0 .5rem; padding-bottom: .25rem;
                 border-bottom: 2px solid var(--line); }
            h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
            h4 { font-size: 1rem; margin: 0 0 .5rem; }
            code, pre { font: 12.5px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; }
            code { background: var(--code-bg); padding: 0 .3em; border-radius: 4px; }
            pre { background: var(--code-bg); border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem;
                  margin: .25rem 0; max-height: 24rem; overflow: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
            a { color: #0969da; }
            .meta { color: #3d444d; }
            .scroll { overflow-x: auto; }
            table { border-collapse: collapse; margin: .5rem 0; }
            th, td { border: 1px solid var(--line); padding: .3rem .55rem; vertical-align: top; }
            thead th { background: var(--code-bg); font-weight: 600; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            table.matrix thead th { font-size: 12px; vertical-align: bottom; min-width: 6.5rem; }
            table.matrix tbody th { text-align: left; font-weight: 500; white-space: nowrap; }
            table.matrix td { text-align: center; white-space: nowrap; font-variant-numeric: tabular-nums; }
            .op-id { color: #57606a; font-weight: 400; }
            .pass { background: var(--pass-bg); color: var(--pass); }
            .fail { background: var(--fail-bg); color: var(--fail); font-weight: 700; }
            .fail a { color: var(--fail); }
            .skip { background: var(--skip-bg); color: var(--skip); }
            .none { color: var(--skip); }
            tr.total td, tr.total th { font-weight: 700; border-top: 2px solid #8c959f; }
            .badge { display: inline-block; padding: 0 .5em; border-radius: 1em; font-size: 12px; font-weight: 700;
                     background: #ddf4ff; color: #0550ae; border: 1px solid #b6e3ff; }
            .note { color: #57606a; font-size: 12px; }
            dl.checks { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0; }
            dl.checks dt, dl.checks dd { margin: 0; }
            section.failure { border: 1px solid #f1aeb5; border-left: 4px solid var(--fail); border-radius: 6px;
                              padding: .6rem .9rem; margin: .9rem 0; scroll-margin-top: 1rem; }
            section.failure:target { box-shadow: 0 0 0 3px #f9c2c2; }
            details { border-top: 1px solid var(--line); padding: .35rem 0; }
            summary { cursor: pointer; }
            dl.exchange { display: grid; grid-template-columns: 7rem minmax(0, 1fr); gap: .2rem .75rem;
                          margin: .5rem 0 0; }
            dl.exchange dt { font-weight: 600; color: #3d444d; }
            dl.exchange dd { margin: 0; min-width: 0; }
            ul.violations { margin: 0; padding-left: 1.2rem; }
            .back { font-size: 12px; float: right; }
            """;

    /** Map.copyOf has no stable order; by name, so two reports of one run read the same. */
    private static final Comparator<Map.Entry<String, String>> HEADER_ORDER =
            Comparator.comparing((Map.Entry<String, String> header) -> header.getKey(), String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(header -> header.getKey());

    private HtmlReport() {
    }

    static String render(List<RunResult> runs, List<CoverageRow> coverage, List<String> findings, String verdict) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'\" />\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
                .append("<title>Conformance report</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n")
                .append("<body>\n<h1>Conformance report</h1>\n");
        if (runs.isEmpty()) {
            html.append("<p class=\"meta\">No check ran.</p>\n");
        } else if (runs.get(0).settings().observed()) {
            html.append("<p class=\"meta\">").append(escape(ResultGroups.OBSERVED)).append(".</p>\n");
        } else {
            long seed = runs.get(0).settings().seed();
            html.append("<p class=\"meta\">Seed <code>").append(seed)
                    .append("</code> (replay: <code>--seed ").append(seed).append("</code>, in the suite <code>-Dconformance.seed=")
                    .append(seed).append("</code>), ")
                    .append(runs.get(0).settings().generatedCases())
                    .append(" generated valid requests per operation")
                    .append(runs.get(0).readOnly() ? ", <strong>read-only</strong>" : "").append(".</p>\n");
        }
        summary(html, runs);
        html.append("<p>Checks:</p>\n<dl class=\"checks\">\n");
        for (Check check : ResultGroups.checksMade(runs)) {
            html.append("<dt><code>").append(escape(check.checkName())).append("</code></dt><dd>")
                    .append(escape(check.summary())).append("</dd>\n");
        }
        html.append("</dl>\n");
        for (int i = 0; i < runs.size(); i++) {
            spec(html, runs.get(i), i);
        }
        coverage(html, coverage, findings, verdict);
        return html.append("</body>\n</html>\n").toString();
    }

    private static void summary(StringBuilder html, List<RunResult> runs) {
        html.append("<table class=\"summary\">\n<thead><tr><th>spec</th><th>operations</th><th>checks</th>")
                .append("<th>passed</th><th>failed</th><th>errors</th><th>skipped</th><th>requests</th><th>time</th></tr></thead>\n")
                .append("<tbody>\n");
        for (int i = 0; i < runs.size(); i++) {
            RunResult run = runs.get(i);
            html.append("<tr><th scope=\"row\"><a href=\"#").append(specAnchor(i)).append("\">")
                    .append(escape(specName(run))).append("</a></th>");
            summaryCells(html, run.operations(), run.results().size(), run.count(Outcome.PASSED),
                    run.count(Outcome.FAILED), run.count(Outcome.ERROR), run.count(Outcome.SKIPPED), run.cases(),
                    run.elapsedMillis());
            html.append("</tr>\n");
        }
        if (runs.size() > 1) {
            html.append("<tr class=\"total\"><th scope=\"row\">total</th>");
            summaryCells(html, runs.stream().mapToLong(RunResult::operations).sum(),
                    runs.stream().mapToLong(r -> r.results().size()).sum(),
                    runs.stream().mapToLong(r -> r.count(Outcome.PASSED)).sum(),
                    runs.stream().mapToLong(r -> r.count(Outcome.FAILED)).sum(),
                    runs.stream().mapToLong(r -> r.count(Outcome.ERROR)).sum(),
                    runs.stream().mapToLong(r -> r.count(Outcome.SKIPPED)).sum(),
                    runs.stream().mapToLong(RunResult::cases).sum(),
                    runs.stream().mapToLong(RunResult::elapsedMillis).sum());
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        runs.forEach(run -> run.notes().forEach(note -> html.append("<p class=\"meta\"><strong>Note:</strong> ")
                .append(escape(note)).append("</p>\n")));
    }

    private static void summaryCells(StringBuilder html, long operations, long checks, long passed, long failed,
                                     long errors, long skipped, long requests, long millis) {
        html.append("<td class=\"num\">").append(operations).append("</td><td class=\"num\">").append(checks)
                .append("</td><td class=\"num").append(passed > 0 ? " pass" : "").append("\">").append(passed)
                .append("</td><td class=\"num").append(failed > 0 ? " fail" : "").append("\">").append(failed)
                .append("</td><td class=\"num").append(errors > 0 ? " fail" : "").append("\">").append(errors)
                .append("</td><td class=\"num").append(skipped > 0 ? " skip" : "").append("\">").append(skipped)
                .append("</td><td class=\"num\">").append(requests).append("</td><td class=\"num\">").append(millis)
                .append(" ms</td>");
    }

    private static void spec(StringBuilder html, RunResult run, int runIndex) {
        html.append("\n<section class=\"spec\" id=\"").append(specAnchor(runIndex)).append("\">\n<h2>")
                .append(escape(specName(run))).append("</h2>\n<p>Checked at <code>").append(escape(run.target()))
                .append("</code>").append(run.readOnly() ? " (read-only)" : "").append(".</p>\n");
        Map<CheckResult, String> anchors = new IdentityHashMap<>();
        int sections = 0;
        for (int i = 0; i < run.results().size() && sections < ResultGroups.FAILURE_SECTIONS; i++) {
            CheckResult result = run.results().get(i);
            if (result.outcome() == Outcome.FAILED) {
                anchors.put(result, failureAnchor(runIndex, i, result));
                sections++;
            }
        }
        List<ResultGroups.Group> failureGroups = ResultGroups.failures(run);
        if (!failureGroups.isEmpty()) {
            html.append("<h3>Failures by cause</h3>\n<div class=\"scroll\">\n<table class=\"causes\">\n")
                    .append("<thead><tr><th>check</th><th>what went wrong (first case)</th><th>operations</th></tr>")
                    .append("</thead>\n<tbody>\n");
            failureGroups.forEach(group -> html.append("<tr><td><code>").append(escape(group.check().checkName()))
                    .append("</code></td><td>").append(escape(group.reason())).append("</td><td>")
                    .append(names(group, anchors)).append("</td></tr>\n"));
            html.append("</tbody>\n</table>\n</div>\n");
        }
        List<ResultGroups.Group> errorGroups = ResultGroups.errors(run);
        if (!errorGroups.isEmpty()) {
            html.append("<h3>Errors: operations that could not be checked</h3>\n<ul>\n");
            errorGroups.forEach(group -> html.append("<li>").append(escape(group.reason())).append(": ")
                    .append(names(group, anchors)).append("</li>\n"));
            html.append("</ul>\n");
        }
        if (ResultGroups.showsMatrix(run)) {
            matrix(html, run, anchors);
            html.append("<p class=\"note\">pass (n): n requests judged by the check; FAIL (k/n): k of them failed.</p>\n");
        } else {
            html.append("<p class=\"note\">").append(run.operations()).append(" operations: no operations × checks")
                    .append(" table; the causes above name the operations, conformance.xml holds every result.</p>\n");
        }
        run.comparedWith().ifPresent(other -> comparison(html, run, other));
        List<ResultGroups.Group> skipped = ResultGroups.skips(run);
        if (!skipped.isEmpty()) {
            html.append("<h3>Skipped, by reason</h3>\n<ul>\n");
            skipped.forEach(group -> html.append("<li>").append(escape(group.reason())).append(" (")
                    .append(group.members().size()).append("): ")
                    .append(String.join(", ", group.members().stream()
                            .map(r -> "<code>" + escape(r.check().checkName()) + "</code>").distinct().toList()))
                    .append(" of ").append(names(group, Map.of())).append("</li>\n"));
            html.append("</ul>\n");
        }
        List<CheckResult> failed = run.failed();
        if (!failed.isEmpty()) {
            html.append("<h3>Failures</h3>\n");
            failed.stream().limit(ResultGroups.FAILURE_SECTIONS).forEach(r -> failure(html, r, anchors.get(r), runIndex));
            if (failed.size() > ResultGroups.FAILURE_SECTIONS) {
                html.append("<p class=\"note\">").append(failed.size() - ResultGroups.FAILURE_SECTIONS)
                        .append(" more failing results: the causes above name them, conformance.xml holds each.</p>\n");
            }
        }
        html.append("</section>\n");
    }

    private static void comparison(StringBuilder html, RunResult run, String other) {
        html.append("<h3>Compared with <code>").append(escape(other)).append("</code></h3>\n");
        if (run.differences().isEmpty()) {
            html.append("<p>The same requests got answers of the same shape (status, content type, properties and")
                    .append(" their types, error format).</p>\n");
            return;
        }
        html.append("<p class=\"note\">Values that rightly differ (ids, timestamps, secrets) are compared by shape")
                .append(" only.</p>\n<div class=\"scroll\">\n<table class=\"differences\">\n<thead><tr>")
                .append("<th>operation</th><th>request</th><th>difference</th></tr></thead>\n<tbody>\n");
        run.differences().stream().limit(ResultGroups.DIFFERENCES_SHOWN).forEach(difference -> html
                .append("<tr><td><code>").append(escape(difference.operation())).append("</code></td><td>")
                .append(escape(difference.request())).append("</td><td>").append(escape(difference.describe()))
                .append("</td></tr>\n"));
        html.append("</tbody>\n</table>\n</div>\n");
        if (run.differences().size() > ResultGroups.DIFFERENCES_SHOWN) {
            html.append("<p class=\"note\">").append(run.differences().size() - ResultGroups.DIFFERENCES_SHOWN)
                    .append(" more differences.</p>\n");
        }
    }

    /** The group's operations, each linking to its failure section where there is one. */
    private static String names(ResultGroups.Group group, Map<CheckResult, String> anchors) {
        List<String> shown = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (CheckResult member : group.members()) {
            if (shown.size() >= ResultGroups.NAMES_SHOWN || !seen.add(member.operationId())) {
                continue;
            }
            String anchor = anchors.get(member);
            shown.add(anchor == null ? "<code>" + escape(member.operationId()) + "</code>"
                    : "<a href=\"#" + anchor + "\"><code>" + escape(member.operationId()) + "</code></a>");
        }
        int more = group.operationNames().size() - shown.size();
        return String.join(", ", shown) + (more > 0 ? " and " + more + " more" : "");
    }

    private static void matrix(StringBuilder html, RunResult run, Map<CheckResult, String> anchors) {
        Map<String, Map<Check, CheckResult>> byOperation = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        run.results().forEach(r -> {
            String key = r.operationLabel() + " (" + r.operationId() + ")";
            labels.put(key, "<th scope=\"row\">" + escape(r.operationLabel()) + " <span class=\"op-id\">("
                    + escape(r.operationId()) + ")</span></th>");
            byOperation.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(r.check(), r);
        });
        List<Check> columns = ResultGroups.checksMade(List.of(run));
        html.append("<div class=\"scroll\">\n<table class=\"matrix\">\n<thead><tr><th>operation</th>");
        for (Check check : columns) {
            html.append("<th title=\"").append(escape(check.summary())).append("\">")
                    .append(escape(check.checkName()).replace("_", "_<wbr />")).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        byOperation.forEach((operation, checks) -> {
            html.append("<tr>").append(labels.get(operation));
            for (Check check : columns) {
                CheckResult result = checks.get(check);
                if (result == null) {
                    html.append("<td class=\"none\">&#8211;</td>");
                    continue;
                }
                switch (result.outcome()) {
                    case PASSED -> html.append("<td class=\"pass\">pass (").append(result.cases()).append(")</td>");
                    case FAILED -> html.append(anchors.containsKey(result)
                            ? "<td class=\"fail\"><a href=\"#" + anchors.get(result) + "\">" : "<td class=\"fail\">")
                            .append("FAIL (").append(result.failureCount()).append('/').append(result.cases())
                            .append(anchors.containsKey(result) ? ")</a></td>" : ")</td>");
                    case ERROR -> html.append("<td class=\"fail\" title=\"").append(escape(result.skipReason()))
                            .append("\">ERROR</td>");
                    case SKIPPED -> html.append("<td class=\"skip\" title=\"").append(escape(result.skipReason()))
                            .append("\">skip</td>");
                }
            }
            html.append("</tr>\n");
        });
        html.append("</tbody>\n</table>\n</div>\n");
    }

    private static void failure(StringBuilder html, CheckResult result, String anchor, int runIndex) {
        html.append("<section class=\"failure\" id=\"").append(anchor).append("\">\n<a class=\"back\" href=\"#")
                .append(specAnchor(runIndex)).append("\">back to the top of this spec</a>\n<h4>")
                .append(escape(result.operationId())).append(" &#183; <code>")
                .append(escape(result.check().checkName())).append("</code> (").append(result.failureCount())
                .append(" of ").append(result.cases()).append(")</h4>\n");
        boolean first = true;
        for (CaseFailure failure : result.failures()) {
            html.append(first ? "<details open=\"open\">" : "<details>").append("<summary><strong>")
                    .append(escape(failure.caseDescription())).append("</strong>: ").append(escape(failure.reason()))
                    .append("</summary>\n<dl class=\"exchange\">\n<dt>request</dt><dd><pre>")
                    .append(escape(failure.request().method())).append(' ').append(escape(failure.request().url()));
            failure.request().headers().entrySet().stream().sorted(HEADER_ORDER)
                    .forEach(header -> html.append('\n').append(escape(header.getKey())).append(": ")
                            .append(escape(header.getValue())));
            html.append("</pre></dd>\n");
            if (failure.request().body() != null) {
                html.append("<dt>body</dt><dd><pre>").append(escape(failure.request().body())).append("</pre></dd>\n");
            }
            html.append("<dt>response</dt><dd><span class=\"badge\">").append(failure.response().answered()
                    ? String.valueOf(failure.response().status()) : escape("no answer: " + failure.response().failure()))
                    .append("</span>");
            if (failure.response().contentType() != null) {
                html.append(" <code>").append(escape(failure.response().contentType())).append("</code>");
            }
            if (!failure.response().excerpt().isEmpty()) {
                html.append("<pre>").append(escape(failure.response().excerpt())).append("</pre>");
            }
            html.append("</dd>\n");
            if (!failure.violations().isEmpty()) {
                html.append("<dt>violations</dt><dd><ul class=\"violations\">\n");
                for (Violation violation : failure.violations().stream().limit(ResultGroups.VIOLATIONS_SHOWN).toList()) {
                    String pointer = violation.pointer().isEmpty() ? "<root>" : violation.pointer();
                    html.append("<li><code>").append(escape(pointer))
                            .append("</code>: ").append(escape(violation.reason())).append("</li>\n");
                }
                if (failure.violations().size() > ResultGroups.VIOLATIONS_SHOWN) {
                    html.append("<li>and ").append(failure.violations().size() - ResultGroups.VIOLATIONS_SHOWN)
                            .append(" more violations</li>\n");
                }
                html.append("</ul></dd>\n");
            }
            html.append("</dl>\n</details>\n");
            first = false;
        }
        html.append("</section>\n");
    }

    private static void coverage(StringBuilder html, List<CoverageRow> rows, List<String> findings, String verdict) {
        html.append("\n<section id=\"coverage\">\n<h2>Coverage of declared responses</h2>\n");
        if (rows.isEmpty()) {
            html.append("<p>The coverage gate did not run.</p>\n</section>\n");
            return;
        }
        html.append("<p>").append(escape(verdict)).append("</p>\n<div class=\"scroll\">\n<table class=\"coverage\">\n")
                .append("<thead><tr><th>spec</th><th>operation</th><th>status</th><th>provoked</th><th>note</th></tr>")
                .append("</thead>\n<tbody>\n");
        for (CoverageRow row : rows) {
            html.append("<tr><td>").append(escape(specName(row))).append("</td><td>").append(escape(row.operationId()))
                    .append("</td><td>").append(escape(row.status())).append("</td><td class=\"")
                    .append(stateClass(row.state())).append("\">").append(escape(row.state())).append("</td><td>")
                    .append(escape(row.note())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</div>\n");
        if (!findings.isEmpty()) {
            html.append("<ul>\n");
            findings.forEach(finding -> html.append("<li>").append(escape(finding)).append("</li>\n"));
            html.append("</ul>\n");
        }
        html.append("</section>\n");
    }

    /** The one place that reads a run's spec name. */
    private static String specName(RunResult run) {
        return run.spec();
    }

    /** The one place that reads a coverage row's spec name. */
    private static String specName(CoverageRow row) {
        return row.spec();
    }

    private static String specAnchor(int runIndex) {
        return "spec-" + runIndex;
    }

    /** Unique by the indices, readable by the rest: {@code fail-0-12-get-webhook-status_code_conformance}. */
    private static String failureAnchor(int runIndex, int resultIndex, CheckResult result) {
        return "fail-" + runIndex + "-" + resultIndex + "-"
                + (result.operationId() + "-" + result.check().checkName()).replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static String stateClass(String state) {
        return switch (state == null ? "" : state.toUpperCase(Locale.ROOT)) {
            case "PROVOKED" -> "pass";
            case "UNREACHABLE" -> "skip";
            default -> "fail";
        };
    }

    /** Text and attribute values alike. */
    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                        out.append("&#xFFFD;"); // a control character is neither valid HTML text nor XML
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
