package dev.hookstub.conformance.report;

import dev.hookstub.conformance.checks.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects, for the whole JVM, what the suite's check runs found and what the coverage gate concluded, and writes it
 * once at the end ({@link ConformanceReportListener}): {@code conformance.xml} (JUnit XML, one testcase per operation
 * and check), {@code conformance-report.md}, and a summary table on the console.
 */
public final class ConformanceReport {

    public static final String XML_FILE = "conformance.xml";
    public static final String MARKDOWN_FILE = "conformance-report.md";

    private static final List<RunResult> RUNS = Collections.synchronizedList(new ArrayList<>());
    private static final List<CoverageRow> COVERAGE = Collections.synchronizedList(new ArrayList<>());
    private static final List<String> COVERAGE_FINDINGS = Collections.synchronizedList(new ArrayList<>());
    private static volatile String coverageVerdict = "";

    private ConformanceReport() {
    }

    public static void publish(RunResult run) {
        RUNS.add(run);
    }

    /**
     * @param verdict  one line: enforced and passed, enforced and failed, or why it was not enforced
     * @param findings one line per operation without checks, unprovoked response, or stale unreachable entry
     */
    public static void publishCoverage(List<CoverageRow> rows, List<String> findings, String verdict) {
        COVERAGE.clear();
        COVERAGE.addAll(rows);
        COVERAGE_FINDINGS.clear();
        COVERAGE_FINDINGS.addAll(findings);
        coverageVerdict = verdict;
    }

    /** Every run published so far, in order. */
    public static List<RunResult> runs() {
        return List.copyOf(RUNS);
    }

    public static boolean isEmpty() {
        return RUNS.isEmpty();
    }

    /** Writes both files into {@code dir} and returns the console summary. */
    public static String writeTo(Path dir) {
        List<RunResult> runs = List.copyOf(RUNS);
        List<CoverageRow> coverage = List.copyOf(COVERAGE);
        List<String> findings = List.copyOf(COVERAGE_FINDINGS);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(XML_FILE), JUnitXmlReport.render(runs), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(MARKDOWN_FILE),
                    MarkdownReport.render(runs, coverage, findings, coverageVerdict), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the conformance report to " + dir, e);
        }
        return ConsoleSummary.render(runs, coverageVerdict, dir.resolve(MARKDOWN_FILE));
    }

    /** The Markdown report of {@code runs} alone, without publishing them (for tests of the report itself). */
    public static String renderMarkdown(List<RunResult> runs) {
        return MarkdownReport.render(runs, List.of(), List.of(), "");
    }

    /** The JUnit XML report of {@code runs} alone, without publishing them. */
    public static String renderXml(List<RunResult> runs) {
        return JUnitXmlReport.render(runs);
    }

    /** {@code -Dconformance.reportDir} (the build sets it to {@code target/conformance-report}). */
    public static Path directory() {
        return Path.of(System.getProperty("conformance.reportDir", "target/conformance-report"));
    }
}
