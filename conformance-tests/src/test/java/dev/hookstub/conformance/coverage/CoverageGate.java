package dev.hookstub.conformance.coverage;

import dev.hookstub.conformance.report.CoverageRow;
import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The coverage rules, as a pure function of the specs, what the run provoked and which checks ran: every operation
 * has at least one check that judged a request; every declared response was provoked by some test or is listed as
 * unreachable with a reason; and every unreachable entry is still true (declared, and not provoked after all).
 */
final class CoverageGate {

    /** A response of the server under test: {@code status} as received. */
    record Provoked(String spec, String operationId, int status) {
    }

    record Findings(List<CoverageRow> rows, List<String> failures) {
    }

    private CoverageGate() {
    }

    /**
     * @param checkedOperations "{@code <api> <operationId>}" of each operation on which at least one check judged a request
     */
    static Findings evaluate(List<OpenApiSpec> specs, Set<Provoked> provoked, Set<String> checkedOperations,
            List<UnreachableResponse> unreachable) {
        List<CoverageRow> rows = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Set<UnreachableResponse> matchedEntries = new HashSet<>();
        for (OpenApiSpec spec : specs) {
            for (Operation operation : spec.operations()) {
                String name = spec.name() + " " + operation.operationId();
                if (!checkedOperations.contains(name)) {
                    failures.add(name + " (" + operation.httpMethod() + " " + operation.pathTemplate()
                            + "): no check judged any request of this operation");
                }
                Set<String> provokedKeys = new HashSet<>();
                provoked.stream()
                        .filter(p -> p.spec().equals(spec.name()) && p.operationId().equals(operation.operationId()))
                        .forEach(p -> spec.responseKeyFor(operation, p.status()).ifPresent(provokedKeys::add));
                for (String status : operation.responseStatuses()) {
                    Optional<UnreachableResponse> entry = unreachable.stream()
                            .filter(u -> u.spec().equals(spec.name()) && u.operationId().equals(operation.operationId())
                                    && u.status().equals(status))
                            .findFirst();
                    entry.ifPresent(matchedEntries::add);
                    boolean wasProvoked = provokedKeys.contains(status);
                    if (wasProvoked && entry.isPresent()) {
                        failures.add(name + " " + status + " is listed in " + UnreachableResponse.RESOURCE
                                + " as unreachable (" + entry.get().reason() + "), but a test provoked it: remove the entry");
                    } else if (!wasProvoked && entry.isEmpty()) {
                        failures.add(name + " " + status + " is declared, but no test provoked it: provoke it in a test,"
                                + " or list it with its reason in " + UnreachableResponse.RESOURCE);
                    }
                    rows.add(new CoverageRow(spec.name(), operation.operationId(), status,
                            wasProvoked ? "PROVOKED" : entry.isPresent() ? "UNREACHABLE" : "MISSING",
                            entry.map(UnreachableResponse::reason).orElse("")));
                }
            }
        }
        Set<String> checkedApis = new HashSet<>();
        specs.forEach(spec -> checkedApis.add(spec.name()));
        unreachable.stream()
                .filter(entry -> checkedApis.contains(entry.spec()) && !matchedEntries.contains(entry))
                .forEach(entry -> failures.add(UnreachableResponse.RESOURCE + " lists " + entry.spec() + " "
                        + entry.operationId() + " " + entry.status() + ", which the spec does not declare"));
        return new Findings(rows, failures);
    }
}
