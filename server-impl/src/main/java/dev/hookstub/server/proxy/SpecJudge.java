package dev.hookstub.server.proxy;

import dev.hookstub.openapi.AnswerValidator;
import dev.hookstub.openapi.CredentialPresence;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.Operation;
import dev.hookstub.openapi.RequestValidator;
import dev.hookstub.openapi.Violation;
import dev.hookstub.server.journal.SpecViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Holds what passes through the proxy to one spec, with the validators {@code hookstub check} uses (openapi-core's):
 * the request, before it leaves (its operation, the credential its security asks for, parameters and body), and the upstream's answer (status, content
 * type, schema, headers; an undeclared 401, 403 or 404 in the API's error format is forgiven as {@code check}
 * forgives it).
 */
final class SpecJudge {

    /**
     * A request as judged: its operation (null when the spec documents none) and what it breaks. A HEAD where the
     * spec documents only a GET is that GET's ({@code headOfGet}): RFC 9110 has every server that serves a GET serve
     * its HEAD, and specs rarely write it down.
     */
    record JudgedRequest(Operation operation, List<Violation> violations, boolean headOfGet) {

        JudgedRequest(Operation operation, List<Violation> violations) {
            this(operation, violations, false);
        }

        boolean keepsToTheSpec() {
            return violations.isEmpty();
        }
    }

    private final OpenApiSpec spec;
    private final RequestValidator requests;
    private final AnswerValidator answers;
    private final CredentialPresence credentials;

    SpecJudge(OpenApiSpec spec) {
        this.spec = spec;
        this.requests = new RequestValidator(spec);
        this.answers = new AnswerValidator(spec);
        this.credentials = new CredentialPresence(spec);
    }

    OpenApiSpec spec() {
        return spec;
    }

    /** @param path below the spec's server URL (the API's mount) */
    JudgedRequest request(String method, String path, String rawQuery, Map<String, List<String>> headers,
                          String body) {
        Operation operation = spec.findOperation(method, path).orElse(null);
        boolean headOfGet = false;
        if (operation == null && method.equals("HEAD")) {
            operation = spec.findOperation("GET", path).orElse(null);
            headOfGet = operation != null;
        }
        if (operation == null) {
            return new JudgedRequest(null, List.of(requests.undocumented(method, path)));
        }
        RequestValidator.WireRequest wire = new RequestValidator.WireRequest(path, rawQuery, headers, body);
        List<Violation> violations = new ArrayList<>(1);
        // First: a request without its credential is refused for that before anything else, as the stub does.
        credentials.missing(operation, wire).ifPresent(violations::add);
        violations.addAll(requests.validate(operation, wire));
        return new JudgedRequest(operation, violations, headOfGet);
    }

    /** The challenge of a 401 for a request that carried no credential the operation's security asks for. */
    String challenge(Operation operation) {
        return credentials.challenge(operation);
    }

    /** The answer's verdict; null for a request the spec does not document, which has no answer to hold it to. */
    AnswerValidator.Verdict answer(JudgedRequest request, int status, String contentType, String body,
                                   Map<String, List<String>> headers) {
        if (request.operation() == null) {
            return null;
        }
        return request.headOfGet()
                ? answers.validateHead(request.operation(), request.keepsToTheSpec(), status, contentType, headers)
                : answers.validate(request.operation(), request.keepsToTheSpec(), status, contentType, body, headers);
    }

    /** The methods the spec documents on a path, and HEAD where it documents GET: the {@code Allow} of a refusal. */
    List<String> methodsOn(String path) {
        List<String> methods = new ArrayList<>(spec.operations().stream().filter(op -> spec.template(op).matches(path))
                .map(Operation::httpMethod).distinct().toList());
        if (methods.contains("GET") && !methods.contains("HEAD")) {
            // Served as the GET's (JudgedRequest#headOfGet), so allowed: the stub's Allow lists it too.
            methods.add(methods.indexOf("GET"), "HEAD");
        }
        return methods;
    }

    static List<SpecViolation> noted(String in, List<Violation> violations) {
        List<SpecViolation> noted = new ArrayList<>(violations.size());
        violations.forEach(v -> noted.add(new SpecViolation(in, v.check(), v.pointer(), v.reason())));
        return noted;
    }
}
