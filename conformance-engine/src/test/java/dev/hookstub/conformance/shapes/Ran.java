package dev.hookstub.conformance.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.conformance.checks.Check;
import dev.hookstub.conformance.checks.CheckResult;
import dev.hookstub.conformance.checks.CheckResult.Outcome;
import dev.hookstub.conformance.checks.ConformanceRun;
import dev.hookstub.conformance.checks.RequestCase;
import dev.hookstub.conformance.checks.RunResult;
import dev.hookstub.conformance.checks.RunSettings;
import dev.hookstub.conformance.checks.RunTarget;
import dev.hookstub.conformance.shapes.ScriptedServer.Request;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.RequestValidator;
import dev.hookstub.openapi.Violation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What a run found and sent: its results, and every request with the kind of case it was. */
record Ran(RunResult result, List<RequestCase.Kind> kinds, List<Request> requests, OpenApiSpec spec) {

    Outcome outcome(String operation, Check check) {
        return result(operation, check).outcome();
    }

    CheckResult result(String operation, Check check) {
        return result.results().stream().filter(r -> r.operationId().equals(operation) && r.check() == check)
                .findFirst().orElseThrow(() -> new AssertionError("no result for " + operation + " " + check));
    }

    /** The requests the engine sent as valid ones (examples, generated, read-backs). */
    List<Request> valid() {
        List<Request> valid = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            RequestCase.Kind kind = kinds.get(i);
            if (kind == RequestCase.Kind.EXAMPLE || kind == RequestCase.Kind.GENERATED) {
                valid.add(requests.get(i));
            }
        }
        return valid;
    }

    /** The check was skipped on the operation, its reason saying {@code because}. */
    void skipped(String operation, Check check, String because) {
        CheckResult skipped = result(operation, check);
        assertEquals(Outcome.SKIPPED, skipped.outcome(), skipped.toString());
        assertTrue(String.valueOf(skipped.skipReason()).contains(because), skipped.toString());
    }

    void noErrors() {
        assertTrue(result.errors().isEmpty(), () -> "engine errors: " + result.errors());
    }

    /** Every request called valid passes the core's validator, and the server saw at least one. */
    void validRequestsAreValid() {
        assertFalse(valid().isEmpty(), "no valid request was sent");
        RequestValidator validator = new RequestValidator(spec);
        for (Request request : valid()) {
            var operation = spec.findOperation(request.method(), request.path()).orElseThrow();
            List<Violation> violations = validator.validate(operation, new RequestValidator.WireRequest(
                    request.path(), request.query(), request.headers(), request.body()));
            assertTrue(violations.isEmpty(), () -> request + " broke the spec: " + violations);
        }
    }

    /** Runs the engine on the document against the server, noting the kind of every request it sent. */
    static Ran of(String yaml, ScriptedServer server, RunSettings settings, RunTarget target) {
        OpenApiSpec spec = OpenApiSpec.fromBytes("shape", yaml.getBytes(StandardCharsets.UTF_8));
        List<RequestCase.Kind> kinds = new ArrayList<>();
        RunResult result = new ConformanceRun(spec, target, settings)
                .loggingExchangesTo((requestCase, request, response, millis) -> kinds.add(requestCase.kind()))
                .run();
        return new Ran(result, kinds, server.received(), spec);
    }

    /** The check's first failure's reason (its request and why), for asserting what it names. */
    String firstReason(String operation, Check check) {
        return String.valueOf(result(operation, check).firstReason());
    }
}

