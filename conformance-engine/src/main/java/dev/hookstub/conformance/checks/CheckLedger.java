package dev.hookstub.conformance.checks;

import dev.hookstub.conformance.checks.CheckResult.Outcome;
import dev.hookstub.openapi.Operation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tallies, per operation and check, how many exchanges were judged and which failed; then the results. Only the first
 * few failures of each operation and check are kept with their exchanges (the rest are counted), so a run over a
 * thousand operations holds a report's worth of exchanges, not every one it sent.
 */
final class CheckLedger {

    static final int FAILURES_KEPT = 3;

    private static final class Tally {
        int cases;
        long elapsedMillis;
        String skipReason;
        int omitted;
        final List<CaseFailure> failures = new ArrayList<>();
    }

    private final Map<Operation, Map<Check, Tally>> tallies = new IdentityHashMap<>();
    private final List<Operation> order;
    private final Map<Operation, String> errors = new IdentityHashMap<>();
    private final Set<Check> selected;

    CheckLedger(List<Operation> operations, Set<Check> selected) {
        this.selected = selected;
        this.order = List.copyOf(operations);
        for (Operation operation : operations) {
            Map<Check, Tally> checks = new EnumMap<>(Check.class);
            for (Check check : Check.values()) {
                checks.put(check, new Tally());
            }
            tallies.put(operation, checks);
        }
    }

    void pass(Operation operation, Check check, Exchange exchange) {
        pass(operation, check, exchange.elapsedMillis());
    }

    void pass(Operation operation, Check check, long elapsedMillis) {
        Tally tally = tallies.get(operation).get(check);
        tally.cases++;
        tally.elapsedMillis += elapsedMillis;
    }

    void fail(Operation operation, Check check, CaseFailure failure, Exchange exchange) {
        fail(operation, check, failure, exchange.elapsedMillis());
    }

    void fail(Operation operation, Check check, CaseFailure failure, long elapsedMillis) {
        pass(operation, check, elapsedMillis);
        Tally tally = tallies.get(operation).get(check);
        if (tally.failures.size() < FAILURES_KEPT) {
            tally.failures.add(failure);
        } else {
            tally.omitted++;
        }
    }

    /** Why {@code check} judged nothing on {@code operation}; the first reason given wins. */
    void skip(Operation operation, Check check, String reason) {
        Tally tally = tallies.get(operation).get(check);
        if (tally.skipReason == null) {
            tally.skipReason = reason;
        }
    }

    /**
     * The engine could not finish {@code operation}: every selected check that has judged nothing of it is an error
     * with this reason (what was judged before stands).
     */
    void error(Operation operation, String reason) {
        errors.putIfAbsent(operation, reason);
    }

    boolean hasVerdict(Operation operation, Check check) {
        return tallies.get(operation).get(check).cases > 0;
    }

    List<CheckResult> results() {
        List<CheckResult> results = new ArrayList<>();
        for (Operation operation : order) {
            String error = errors.get(operation);
            tallies.get(operation).forEach((check, tally) -> {
                if (!selected.contains(check)) {
                    return;
                }
                Outcome outcome = tally.cases > 0 ? (tally.failures.isEmpty() ? Outcome.PASSED : Outcome.FAILED)
                        : error != null ? Outcome.ERROR : Outcome.SKIPPED;
                String reason = switch (outcome) {
                    case ERROR -> error;
                    case SKIPPED -> tally.skipReason != null ? tally.skipReason : "no request of this run applies to it";
                    default -> null;
                };
                results.add(new CheckResult(operation.spec(), operation.label(),
                        operation.httpMethod() + " " + operation.pathTemplate(), check, outcome, tally.cases,
                        tally.elapsedMillis, reason, tally.failures, tally.omitted));
            });
        }
        return results;
    }
}
