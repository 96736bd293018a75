package dev.hookstub.conformance.report;

import dev.hookstub.conformance.checks.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes what runs found: {@code conformance.xml} (JUnit XML, one testcase per operation and check, for CI
 * dashboards), {@code conformance-report.md}, {@code conformance-report.html}, and a console summary. Credentials are already masked in the runs.
 */
public final class Reports {

    public static final String XML_FILE = "conformance.xml";
    public static final String MARKDOWN_FILE = "conformance-report.md";
    /** One self-contained page (inline CSS, no script, no network) that opens from disk. */
    public static final String HTML_FILE = "conformance-report.html";

    private Reports() {
    }

    /**
     * Writes every report into {@code dir} (created if missing) and returns the console summary.
     *
     * @param coverage rows of a coverage gate, empty when none ran
     * @param findings one line per coverage finding
     * @param verdict  the coverage gate's one-line verdict, empty when none ran
     */
    public static String write(Path dir, List<RunResult> runs, List<CoverageRow> coverage, List<String> findings,
                               String verdict) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(XML_FILE), JUnitXmlReport.render(runs), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(MARKDOWN_FILE), MarkdownReport.render(runs, coverage, findings, verdict),
                    StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(HTML_FILE), HtmlReport.render(runs, coverage, findings, verdict),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the conformance report to " + dir, e);
        }
        return ConsoleSummary.render(runs, verdict, dir.resolve(MARKDOWN_FILE));
    }

    public static String write(Path dir, List<RunResult> runs) {
        return write(dir, runs, List.of(), List.of(), "");
    }

    public static String markdown(List<RunResult> runs) {
        return MarkdownReport.render(runs, List.of(), List.of(), "");
    }

    public static String html(List<RunResult> runs) {
        return HtmlReport.render(runs, List.of(), List.of(), "");
    }

    public static String xml(List<RunResult> runs) {
        return JUnitXmlReport.render(runs);
    }

    /** The summary table alone, as the console shows it. */
    public static String summary(List<RunResult> runs, Path markdown) {
        return ConsoleSummary.render(runs, "", markdown);
    }
}
