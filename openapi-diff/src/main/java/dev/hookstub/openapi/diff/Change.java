package dev.hookstub.openapi.diff;

import java.util.List;

/**
 * One change between two documents.
 *
 * @param operations the operations it reaches, e.g. {@code GET /planets/{planetId}}, as the new document names them
 *                   (the old one for what was removed); empty for a change outside every operation (a component)
 * @param pointer    where it is: a JSON pointer into the new document, or into the old one for what was removed
 * @param message    what changed, in words
 */
public record Change(DiffRule rule, List<String> operations, String pointer, String message) {

    public Change {
        operations = List.copyOf(operations);
    }

    public Severity severity() {
        return rule.severity();
    }
}
