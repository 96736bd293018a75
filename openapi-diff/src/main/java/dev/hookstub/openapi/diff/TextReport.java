package dev.hookstub.openapi.diff;

import java.util.List;
import java.util.stream.Collectors;

/** The report for a terminal: a heading, then four lines per change. */
final class TextReport {

    private static final int OPERATIONS_SHOWN = 3;

    private TextReport() {
    }

    static String render(DiffReport report) {
        StringBuilder text = new StringBuilder();
        text.append("hookstub diff: ").append(report.oldName()).append(" -> ").append(report.newName()).append('\n');
        text.append(report.changes().isEmpty() ? "No changes" + (report.notCompared().isEmpty() ? "." : " in what "
                + "is compared.") : report.summary() + ".").append('\n');
        report.notCompared().forEach(note -> text.append(note).append('\n'));
        for (Change change : report.changes()) {
            text.append('\n')
                    .append(String.format("%-8s %s (for %s)%n", change.severity().label(), change.rule().id(),
                            audiences(change.rule())))
                    .append("         ").append(operations(change.operations())).append('\n')
                    .append("         at ").append(change.pointer()).append('\n')
                    .append("         ").append(change.message()).append('\n');
        }
        return text.toString();
    }

    static String audiences(DiffRule rule) {
        return rule.audiences().stream().map(Audience::label).collect(Collectors.joining(", "));
    }

    /** The first few operations and how many more: a shared schema may be reached from hundreds. */
    static String operations(List<String> operations) {
        if (operations.isEmpty()) {
            return "(no operation: components)";
        }
        String shown = String.join(", ", operations.subList(0, Math.min(OPERATIONS_SHOWN, operations.size())));
        int more = operations.size() - OPERATIONS_SHOWN;
        return more > 0 ? shown + " and " + more + " more" : shown;
    }
}
