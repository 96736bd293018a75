package dev.hookstub.conformance.checks;

import java.util.List;

/**
 * The outcome of one check on one operation.
 *
 * @param cases      how many exchanges the check judged (0 when skipped)
 * @param skipReason why nothing was judged, or what went wrong for an error; null otherwise
 * @param omitted    failures counted in {@code failures}' size but not kept (a run keeps the first few of each)
 * @param failures   every exchange that failed the check, in the order sent
 */
public record CheckResult(String spec, String operationId, String operationLabel, Check check, Outcome outcome, int cases,
                          long elapsedMillis, String skipReason, List<CaseFailure> failures, int omitted) {

    /** {@code ERROR}: the engine could not prepare or judge the operation's requests; {@code skipReason} says why. */
    public enum Outcome { PASSED, FAILED, SKIPPED, ERROR }

    public CheckResult {
        failures = List.copyOf(failures);
    }

    /** The same outcome, under another name of its spec (a preset's, for a document named after its file). */
    public CheckResult ofSpec(String name) {
        return new CheckResult(name, operationId, operationLabel, check, outcome, cases, elapsedMillis, skipReason,
                failures, omitted);
    }

    /** How many exchanges failed, kept or not. */
    public int failureCount() {
        return failures.size() + omitted;
    }

    /** The first failure in one line: its reason, and its first violation's JSON pointer and what was expected. */
    public String firstReason() {
        if (outcome == Outcome.ERROR || outcome == Outcome.SKIPPED) {
            return skipReason;
        }
        return failures.isEmpty() ? "" : failures.get(0).oneLine();
    }

    /** {@code mollie get-webhook status_code_conformance}: what a failing test is called. */
    public String displayName() {
        return spec + " " + operationId + " " + check.checkName();
    }

    /** Every failure, as plain text for a test failure message. */
    public String failureText() {
        StringBuilder text = new StringBuilder(displayName()).append(" failed in ").append(failureCount())
                .append(" of ").append(cases).append(" case(s):");
        failures.forEach(failure -> text.append("\n").append(failure.describe()));
        if (omitted > 0) {
            text.append("\n(").append(omitted).append(" more failure(s) like these not kept)");
        }
        return text.toString();
    }
}
