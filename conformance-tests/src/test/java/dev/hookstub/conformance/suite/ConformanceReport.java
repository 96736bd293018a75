package dev.hookstub.conformance.suite;

import dev.hookstub.conformance.checks.RunResult;
import dev.hookstub.conformance.report.CoverageRow;
import dev.hookstub.conformance.report.Reports;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects, for the whole JVM, what the suite's check runs found and what the coverage gate concluded, and writes it
 * once at the end ({@link ConformanceReportListener}) with the engine's {@link Reports}.
 */
public final class ConformanceReport {

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

    /** Writes every report into {@code dir} and returns the console summary. */
    public static String writeTo(Path dir) {
        return Reports.write(dir, List.copyOf(RUNS), List.copyOf(COVERAGE), List.copyOf(COVERAGE_FINDINGS),
                coverageVerdict);
    }

    /** {@code -Dconformance.reportDir} (the build sets it to {@code target/conformance-report}). */
    public static Path directory() {
        return Path.of(System.getProperty("conformance.reportDir", "target/conformance-report"));
    }
}
