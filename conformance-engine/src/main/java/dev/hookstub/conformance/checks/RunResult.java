package dev.hookstub.conformance.checks;

import dev.hookstub.conformance.checks.CheckResult.Outcome;
import java.util.List;

/**
 * Everything one run of the checks on one API found.
 *
 * @param cases  requests sent
 * @param target where the API was checked, e.g. {@code http://127.0.0.1:41234/partoo/v2}
 * @param notes        what a reader should know about the run as a whole (a base URL that is probably wrong, say)
 * @param comparedWith the server every request was also sent to ({@code --compare-with}), if any
 * @param differences  where its answers differed from the checked server's
 */
public record RunResult(String spec, RunSettings settings, String target, boolean readOnly, int operations, int cases,
                        long elapsedMillis, List<CheckResult> results, List<String> notes,
                        java.util.Optional<String> comparedWith, List<Difference> differences) {

    public RunResult {
        results = List.copyOf(results);
        notes = List.copyOf(notes);
        differences = List.copyOf(differences);
    }

    public RunResult(String spec, RunSettings settings, String target, boolean readOnly, int operations, int cases,
                     long elapsedMillis, List<CheckResult> results) {
        this(spec, settings, target, readOnly, operations, cases, elapsedMillis, results, List.of(),
                java.util.Optional.empty(), List.of());
    }

    public long count(Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }

    public List<CheckResult> failed() {
        return results.stream().filter(r -> r.outcome() == Outcome.FAILED).toList();
    }

    public List<CheckResult> errors() {
        return results.stream().filter(r -> r.outcome() == Outcome.ERROR).toList();
    }

    /** The same run with other notes: what a caller that knows more than the engine adds to them. */
    public RunResult withNotes(List<String> newNotes) {
        return new RunResult(spec, settings, target, readOnly, operations, cases, elapsedMillis, results, newNotes,
                comparedWith, differences);
    }
}
