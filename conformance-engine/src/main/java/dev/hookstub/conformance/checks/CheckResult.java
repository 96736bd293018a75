package dev.hookstub.conformance.checks;

import java.util.List;

/**
 * The outcome of one check on one operation.
 *
 * @param cases      how many exchanges the check judged (0 when skipped)
 * @param skipReason why nothing was judged; null unless skipped
 * @param failures   every exchange that failed the check, in the order sent
 */
public record CheckResult(String spec, String operationId, String operationLabel, Check check, Outcome outcome, int cases,
                          long elapsedMillis, String skipReason, List<CaseFailure> failures) {

    public enum Outcome { PASSED, FAILED, SKIPPED }

    public CheckResult {
        failures = List.copyOf(failures);
    }

    /** {@code mollie get-webhook status_code_conformance}: what a failing test is called. */
    public String displayName() {
        return spec + " " + operationId + " " + check.checkName();
    }

    /** Every failure, as plain text for a test failure message. */
    public String failureText() {
        StringBuilder text = new StringBuilder(displayName()).append(" failed in ").append(failures.size())
                .append(" of ").append(cases).append(" case(s):");
        failures.forEach(failure -> text.append("\n").append(failure.describe()));
        return text.toString();
    }
}
