package dev.hookstub.openapi.diff;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code hookstub diff} found between two documents, worst first.
 *
 * @param oldName    and {@code newName}: how the documents are named in the report (argument, title and version)
 * @param notCompared what differs between the documents in parts the diff does not compare (webhooks, callbacks),
 *                    one sentence each, so that "No changes." is never said of documents that changed there
 */
public record DiffReport(String oldName, String newName, List<Change> changes, List<String> notCompared) {

    private static final Comparator<Change> ORDER = Comparator.comparing(Change::severity)
            .thenComparing(change -> change.operations().isEmpty() ? "" : change.operations().get(0))
            .thenComparing(Change::pointer)
            .thenComparing(change -> change.rule().id())
            .thenComparing(Change::message);

    public DiffReport {
        changes = changes.stream().sorted(ORDER).toList();
        notCompared = List.copyOf(notCompared);
    }

    public DiffReport(String oldName, String newName, List<Change> changes) {
        this(oldName, newName, changes, List.of());
    }

    /** How many changes there are of each severity, every severity present (zero when none). */
    public Map<Severity, Integer> counts() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, 0);
        }
        changes.forEach(change -> counts.merge(change.severity(), 1, Integer::sum));
        return counts;
    }

    public boolean has(Severity atLeast) {
        return changes.stream().anyMatch(change -> change.severity().atLeast(atLeast));
    }

    /** "3 changes: 1 error, 1 warning, 1 info". */
    public String summary() {
        Map<Severity, Integer> counts = counts();
        return changes.size() + (changes.size() == 1 ? " change: " : " changes: ")
                + counts.get(Severity.ERROR) + " error, " + counts.get(Severity.WARNING) + " warning, "
                + counts.get(Severity.INFO) + " info";
    }
}
