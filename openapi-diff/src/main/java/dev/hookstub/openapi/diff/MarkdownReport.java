package dev.hookstub.openapi.diff;

/** The report for a pull request or an issue: a table, one row per change. */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(DiffReport report) {
        StringBuilder markdown = new StringBuilder();
        markdown.append("## hookstub diff\n\n")
                .append("From ").append(cell(report.oldName())).append(" to ").append(cell(report.newName()))
                .append(": **").append(report.changes().isEmpty() ? "no changes" : report.summary()).append("**.\n");
        report.notCompared().forEach(note -> markdown.append("\n").append(note).append("\n"));
        if (report.changes().isEmpty()) {
            return markdown.toString();
        }
        markdown.append("\n| Severity | Rule | For | Operation | Where | Change |\n")
                .append("|---|---|---|---|---|---|\n");
        for (Change change : report.changes()) {
            markdown.append("| ").append(change.severity().label())
                    .append(" | `").append(change.rule().id()).append('`')
                    .append(" | ").append(TextReport.audiences(change.rule()))
                    .append(" | ").append(cell(TextReport.operations(change.operations())))
                    .append(" | `").append(cell(change.pointer())).append('`')
                    .append(" | ").append(cell(change.message()))
                    .append(" |\n");
        }
        return markdown.toString();
    }

    /** A table cell cannot hold a pipe or a line break. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
