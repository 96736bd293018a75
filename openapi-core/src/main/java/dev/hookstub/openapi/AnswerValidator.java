package dev.hookstub.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges one answer to a request of an operation, as {@code hookstub check} judges the answers it gets and
 * {@code hookstub proxy} the ones it forwards: status, content type and schema, and the declared headers. An
 * undeclared status is held against the operation unless the specs of real providers commonly leave it out: a
 * 401, 403 or 404 answering a request that keeps to the spec (the caller may not see that record, or it does not
 * exist), or any 4xx answering one that breaks it; such an answer must still be in the API's own error format
 * ({@link DeclaredErrorFormat}).
 */
public final class AnswerValidator {

    /** Answers to a valid request that concern the caller or the record, not the request; often left undeclared. */
    private static final Set<Integer> CALLER_OR_RECORD_STATUSES = Set.of(401, 403, 404);
    private static final List<String> ALWAYS_JUDGED = List.of(Violation.STATUS_CODE_CONFORMANCE,
            Violation.CONTENT_TYPE_CONFORMANCE, Violation.RESPONSE_SCHEMA_CONFORMANCE);

    private final OpenApiSpec spec;
    private final ResponseValidator responses;

    public AnswerValidator(OpenApiSpec spec) {
        this.spec = spec;
        this.responses = new ResponseValidator(spec);
    }

    /**
     * What one answer was judged by and what it breaks.
     *
     * @param checks     the checks that judged it: status, content type and schema always, the headers check when
     *                   the answer's status declares headers
     * @param violations every violation found, each naming its check; empty when the answer keeps to the spec
     */
    public record Verdict(List<String> checks, List<Violation> violations) {

        public Verdict {
            checks = List.copyOf(checks);
            violations = List.copyOf(violations);
        }

        /** The violations of one check. */
        public List<Violation> of(String check) {
            return violations.stream().filter(v -> v.check().equals(check)).toList();
        }
    }

    /**
     * @param withinContract whether the request kept to the operation's contract (then only a 401, 403 or 404 may
     *                       be undeclared), or broke it on purpose or by mistake (then any 4xx may)
     * @param contentType    the Content-Type header, or null
     * @param body           the body as text, or null/"" when there is none
     * @param headers        every header of the answer, names in any case
     */
    public Verdict validate(Operation operation, boolean withinContract, int status, String contentType, String body,
                            Map<String, List<String>> headers) {
        boolean declared = spec.responseKeyFor(operation, status).isPresent();
        List<Violation> violations = new ArrayList<>(!declared && toleratedUndeclared(withinContract, status)
                ? DeclaredErrorFormat.violations(spec, operation, status, contentType, body)
                : responses.validate(operation, status, contentType, body));
        if (declared && violations.isEmpty()) {
            violations.addAll(DeclaredErrorFormat.noneOfItsMembers(spec, operation,
                    spec.responseKeyFor(operation, status).get(), contentType, body));
        }
        List<String> checks = new ArrayList<>(ALWAYS_JUDGED);
        if (declared && !spec.responseHeaders(operation, spec.responseKeyFor(operation, status).get()).isEmpty()) {
            checks.add(Violation.RESPONSE_HEADERS_CONFORMANCE);
            violations.addAll(responses.validateHeaders(operation, status, headers));
        }
        return new Verdict(checks, violations);
    }

    /**
     * The answer to a HEAD of the operation's GET: judged as the GET's answer would be, but for its body, which a
     * HEAD's answer does not have (an undeclared 401, 403 or 404 is tolerated as ever; having no body, it shows no
     * error format).
     */
    public Verdict validateHead(Operation get, boolean withinContract, int status, String contentType,
                                Map<String, List<String>> headers) {
        boolean declared = spec.responseKeyFor(get, status).isPresent();
        List<Violation> violations = new ArrayList<>(!declared && toleratedUndeclared(withinContract, status)
                ? List.of() : responses.validateHead(get, status, contentType));
        List<String> checks = new ArrayList<>(ALWAYS_JUDGED);
        if (declared && !spec.responseHeaders(get, spec.responseKeyFor(get, status).get()).isEmpty()) {
            checks.add(Violation.RESPONSE_HEADERS_CONFORMANCE);
            violations.addAll(responses.validateHeaders(get, status, headers));
        }
        return new Verdict(checks, violations);
    }

    /**
     * An error answer to a method the spec does not document on the operation's path: none of the operation's own
     * answers, so only the API's error format applies to it.
     */
    public Verdict validateRefusalOfUndocumentedMethod(Operation operation, int status, String contentType,
                                                       String body) {
        return new Verdict(ALWAYS_JUDGED, DeclaredErrorFormat.violations(spec, operation, status, contentType, body));
    }

    private static boolean toleratedUndeclared(boolean withinContract, int status) {
        return withinContract ? CALLER_OR_RECORD_STATUSES.contains(status) : status >= 400 && status < 500;
    }
}
