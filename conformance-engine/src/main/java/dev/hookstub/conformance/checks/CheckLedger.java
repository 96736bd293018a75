package dev.hookstub.conformance.checks;

import dev.hookstub.conformance.checks.CheckResult.Outcome;
import dev.hookstub.openapi.Operation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tallies, per operation and check, how many exchanges were judged and which failed; then the results. */
final class CheckLedger {

    private static final class Tally {
        int cases;
        long elapsedMillis;
        String skipReason;
        final List<CaseFailure> failures = new ArrayList<>();
    }

    private final Map<Operation, Map<Check, Tally>> tallies = new LinkedHashMap<>();
    private final java.util.Set<Check> selected;

    CheckLedger(List<Operation> operations, java.util.Set<Check> selected) {
        this.selected = selected;
        for (Operation operation : operations) {
            Map<Check, Tally> checks = new EnumMap<>(Check.class);
            for (Check check : Check.values()) {
                checks.put(check, new Tally());
            }
            tallies.put(operation, checks);
        }
    }

    void pass(Operation operation, Check check, Exchange exchange) {
        Tally tally = tallies.get(operation).get(check);
        tally.cases++;
        tally.elapsedMillis += exchange.elapsedMillis();
    }

    void fail(Operation operation, Check check, CaseFailure failure, Exchange exchange) {
        pass(operation, check, exchange);
        tallies.get(operation).get(check).failures.add(failure);
    }

    /** Why {@code check} judged nothing on {@code operation}; the first reason given wins. */
    void skip(Operation operation, Check check, String reason) {
        Tally tally = tallies.get(operation).get(check);
        if (tally.skipReason == null) {
            tally.skipReason = reason;
        }
    }

    List<CheckResult> results() {
        List<CheckResult> results = new ArrayList<>();
        tallies.forEach((operation, checks) -> checks.forEach((check, tally) -> {
            if (!selected.contains(check)) {
                return;
            }
            Outcome outcome = tally.cases == 0 ? Outcome.SKIPPED
                    : tally.failures.isEmpty() ? Outcome.PASSED : Outcome.FAILED;
            String reason = outcome != Outcome.SKIPPED ? null
                    : tally.skipReason != null ? tally.skipReason : "no request of this run applies to it";
            results.add(new CheckResult(operation.spec(), operation.operationId(),
                    operation.httpMethod() + " " + operation.pathTemplate(), check, outcome, tally.cases,
                    tally.elapsedMillis, reason, tally.failures));
        }));
        return results;
    }
}
