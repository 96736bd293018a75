package dev.hookstub.conformance.checks;

import dev.hookstub.openapi.Violation;
import java.util.List;

/**
 * One exchange that failed a check: what was sent (credentials masked), what came back, and why it fails.
 *
 * @param reason     one line, e.g. "a valid request was rejected with 422"
 * @param violations for the conformance checks, each JSON pointer and reason; empty otherwise
 */
public record CaseFailure(String caseDescription, RecordedRequest request, RecordedResponse response, String reason,
                          List<Violation> violations) {

    public CaseFailure {
        violations = List.copyOf(violations);
    }

    /** The reason, and for a violation of the spec the first one's JSON pointer and what the spec expected. */
    public String oneLine() {
        if (violations.isEmpty()) {
            return reason;
        }
        Violation first = violations.get(0);
        String more = violations.size() > 1 ? " (+" + (violations.size() - 1) + " more)" : "";
        return (first.pointer().isEmpty() ? "" : first.pointer() + ": ") + first.reason() + more;
    }

    String describe() {
        StringBuilder text = new StringBuilder("- ").append(caseDescription).append(": ").append(reason)
                .append("\n    request:  ").append(request.method()).append(' ').append(request.url());
        request.headers().forEach((name, value) -> text.append("\n              ").append(name).append(": ").append(value));
        if (request.body() != null) {
            text.append("\n    body:     ").append(request.body());
        }
        text.append("\n    response: ").append(response.summary());
        violations.forEach(v -> text.append("\n      ").append(v.pointer().isEmpty() ? "<root>" : v.pointer())
                .append(": ").append(v.reason()));
        return text.toString();
    }
}
