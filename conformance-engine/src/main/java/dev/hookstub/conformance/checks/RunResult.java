package dev.hookstub.conformance.checks;

import dev.hookstub.conformance.checks.CheckResult.Outcome;
import java.util.List;

/**
 * Everything one run of the checks on one API found.
 *
 * @param cases  requests sent
 * @param target where the API was checked, e.g. {@code http://127.0.0.1:41234/partoo/v2}
 * @param notes  what a reader should know about the run as a whole (a base URL that is probably wrong, say)
 */
public record RunResult(String spec, RunSettings settings, String target, boolean readOnly, int operations, int cases,
                        long elapsedMillis, List<CheckResult> results, List<String> notes) {

    public RunResult {
        results = List.copyOf(results);
        notes = List.copyOf(notes);
    }

    public RunResult(String spec, RunSettings settings, String target, boolean readOnly, int operations, int cases,
                     long elapsedMillis, List<CheckResult> results) {
        this(spec, settings, target, readOnly, operations, cases, elapsedMillis, results, List.of());
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
}
