package dev.hookstub.conformance.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.conformance.checks.Check;
import dev.hookstub.conformance.checks.CheckResult;
import dev.hookstub.conformance.checks.ConformanceRun;
import dev.hookstub.conformance.checks.RunResult;
import dev.hookstub.conformance.checks.RunSettings;
import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.conformance.support.ConformanceTarget;
import dev.hookstub.conformance.support.ConformanceTest;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.Operation;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The checks follow the spec, not the stub: a copy of a spec whose record schema gains a member is checked against the
 * unchanged stub. A required member the stub does not send fails {@code response_schema_conformance} at that member;
 * an optional one changes nothing.
 */
@ConformanceTest({Preset.MIJNKLANTPORTAAL, Preset.EQUALSMONEY, Preset.PARTOO, Preset.MOLLIE})
class SpecDriftTest {

    private static final String NEW_MEMBER = "lastDeliveredAt";
    private static final RunSettings SETTINGS = RunSettings.fromSystemProperties()
            .withGeneratedCases(3).withoutBoundaryValues();

    @ParameterizedTest
    @EnumSource(Preset.class)
    void aMemberTheSpecNowRequiresFailsTheChecksNamingIt(Preset api, ConformanceTarget target) {
        RunResult run = runWithNewMember(api, target, true);
        String read = firstRead(api).operationId();
        List<CheckResult> schemaFailures = run.failed().stream()
                .filter(result -> result.check() == Check.RESPONSE_SCHEMA_CONFORMANCE).toList();
        assertTrue(schemaFailures.stream().anyMatch(result -> result.operationId().equals(read)),
                () -> "no response_schema_conformance failure for " + read + "; failed: " + run.failed());
        List<String> pointers = schemaFailures.stream().flatMap(result -> result.failures().stream())
                .flatMap(failure -> failure.violations().stream()).map(v -> v.pointer()).distinct().toList();
        assertEquals(List.of("/" + NEW_MEMBER), pointers, "every violation names the new member, and only it");
        assertTrue(run.failed().stream().allMatch(result -> result.check() == Check.RESPONSE_SCHEMA_CONFORMANCE),
                () -> "only the schema check fails: " + run.failed().stream().map(CheckResult::displayName).toList());
    }

    @ParameterizedTest
    @EnumSource(Preset.class)
    void anOptionalMemberAddedToTheSpecKeepsEveryCheckPassing(Preset api, ConformanceTarget target) {
        RunResult run = runWithNewMember(api, target, false);
        assertEquals(List.of(), run.failed().stream().map(CheckResult::failureText).toList());
        assertFalse(run.results().isEmpty());
    }

    private static RunResult runWithNewMember(Preset api, ConformanceTarget target, boolean required) {
        assumeFalse(target.external(), "the stub's responses are the fixed point here");
        assumeTrue(target.checks(api), api.id() + " is not checked in this run");
        JsonNode document = api.spec().document();
        ObjectNode schema = (ObjectNode) document.at(recordSchemaPointer(api));
        ((ObjectNode) schema.get("properties")).putObject(NEW_MEMBER).put("type", "string").put("format", "date-time");
        if (required) {
            ArrayNode requiredMembers = (ArrayNode) schema.get("required");
            (requiredMembers != null ? requiredMembers : schema.putArray("required")).add(NEW_MEMBER);
        }
        return new ConformanceRun(OpenApiSpec.fromDocument(api.id(), document), target.runTarget(api), SETTINGS).run();
    }

    /** Where the record schema of the API's first read lives (after its $refs), e.g. Partoo's WebhookItem. */
    private static String recordSchemaPointer(Preset api) {
        OpenApiSpec spec = api.spec();
        Operation read = firstRead(api);
        String contentType = spec.contentTypes(read, "200").get(0);
        return spec.resolve(spec.responseSchemaPointer(read, "200", contentType).orElseThrow());
    }

    private static Operation firstRead(Preset api) {
        return api.spec().operations().stream().filter(op -> op.httpMethod().equals("GET")).findFirst()
                .orElseThrow();
    }
}
