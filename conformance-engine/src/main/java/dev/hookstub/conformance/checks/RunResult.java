package dev.hookstub.conformance.checks;

import dev.hookstub.conformance.checks.CheckResult.Outcome;
import java.util.List;

/**
 * Everything one run of the checks on one API found.
 *
 * @param cases         requests sent
 * @param target        where the API was checked, e.g. {@code http://127.0.0.1:41234/partoo/v2}
 */
public record RunResult(String spec, RunSettings settings, String target, boolean readOnly, int operations, int cases,
                        long elapsedMillis, List<CheckResult> results) {

    public RunResult {
        results = List.copyOf(results);
    }

    public long count(Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }

    public List<CheckResult> failed() {
        return results.stream().filter(r -> r.outcome() == Outcome.FAILED).toList();
    }
}
