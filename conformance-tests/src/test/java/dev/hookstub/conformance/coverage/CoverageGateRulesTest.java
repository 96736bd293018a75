package dev.hookstub.conformance.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.hookstub.conformance.report.CoverageRow;
import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.openapi.OpenApiSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The gate's rules on a MijnKlantportaal spec that gained an operation no test knows about. */
class CoverageGateRulesTest {

    private static final Set<String> CHECKED = Set.of("mijnklantportaal create-webhook", "mijnklantportaal get-webhook");

    /** Everything MijnKlantportaal declares today, provoked. */
    private static Set<CoverageGate.Provoked> provokedToday() {
        Set<CoverageGate.Provoked> provoked = new HashSet<>();
        provoked.add(new CoverageGate.Provoked(Preset.MIJNKLANTPORTAAL.id(), "create-webhook", 201));
        provoked.add(new CoverageGate.Provoked(Preset.MIJNKLANTPORTAAL.id(), "create-webhook", 422));
        provoked.add(new CoverageGate.Provoked(Preset.MIJNKLANTPORTAAL.id(), "get-webhook", 200));
        provoked.add(new CoverageGate.Provoked(Preset.MIJNKLANTPORTAAL.id(), "get-webhook", 404));
        provoked.add(new CoverageGate.Provoked(Preset.MIJNKLANTPORTAAL.id(), "get-webhook", 401)); // undeclared: ignored
        return provoked;
    }

    private static OpenApiSpec withDeleteOperation() {
        JsonNode document = Preset.MIJNKLANTPORTAAL.spec().document();
        ObjectNode delete = ((ObjectNode) document.at("/paths/~1webhooks~1{webhookId}")).putObject("delete");
        delete.put("operationId", "delete-webhook");
        delete.putObject("responses").putObject("204").put("description", "Deleted");
        return OpenApiSpec.fromDocument(Preset.MIJNKLANTPORTAAL.id(), document);
    }

    @Test
    void theSpecAsShippedIsCoveredWhenEveryDeclaredResponseWasProvoked() {
        CoverageGate.Findings findings = CoverageGate.evaluate(List.of(Preset.MIJNKLANTPORTAAL.spec()),
                provokedToday(), CHECKED, List.of());
        assertEquals(List.of(), findings.failures());
        assertEquals(List.of("PROVOKED"), findings.rows().stream().map(CoverageRow::state).distinct().toList());
    }

    @Test
    void anOperationAddedWithoutTestsFailsTheGateByName() {
        CoverageGate.Findings findings = CoverageGate.evaluate(List.of(withDeleteOperation()), provokedToday(), CHECKED,
                List.of());
        assertEquals(List.of(
                "mijnklantportaal delete-webhook (DELETE /webhooks/{webhookId}): no check judged any request of this operation",
                "mijnklantportaal delete-webhook 204 is declared, but no test provoked it: provoke it in a test, or list it"
                        + " with its reason in unreachable-responses.yaml"), findings.failures());
    }

    @Test
    void anUnprovokedResponseListedWithItsReasonPasses() {
        Set<String> checked = new HashSet<>(CHECKED);
        checked.add("mijnklantportaal delete-webhook");
        List<UnreachableResponse> unreachable = List.of(
                new UnreachableResponse(Preset.MIJNKLANTPORTAAL.id(), "delete-webhook", "204", "the stub keeps every record"));
        CoverageGate.Findings findings = CoverageGate.evaluate(List.of(withDeleteOperation()), provokedToday(), checked,
                unreachable);
        assertEquals(List.of(), findings.failures());
        assertTrue(findings.rows().contains(new CoverageRow(Preset.MIJNKLANTPORTAAL.id(), "delete-webhook", "204", "UNREACHABLE",
                "the stub keeps every record")));
    }

    @Test
    void anUnreachableEntryThatIsProvokedOrNotDeclaredFailsTheGate() {
        List<UnreachableResponse> unreachable = List.of(
                new UnreachableResponse(Preset.MIJNKLANTPORTAAL.id(), "get-webhook", "404", "thought impossible"),
                new UnreachableResponse(Preset.MIJNKLANTPORTAAL.id(), "get-webhook", "418", "a teapot"));
        List<String> failures = CoverageGate.evaluate(List.of(Preset.MIJNKLANTPORTAAL.spec()), provokedToday(),
                CHECKED, unreachable).failures();
        assertEquals(2, failures.size(), failures::toString);
        assertTrue(failures.get(0).startsWith("mijnklantportaal get-webhook 404 is listed in unreachable-responses.yaml"),
                failures.get(0));
        assertTrue(failures.get(1).endsWith("get-webhook 418, which the spec does not declare"), failures.get(1));
    }

    @Test
    void theListIsReadFromItsFileAndEveryEntryNeedsAReason() throws Exception {
        UnreachableResponse.load(); // the shipped file parses
        JsonNode withoutReason = new YAMLMapper().readTree(
                "unreachable:\n  - {api: mollie, operationId: get-webhook, status: '422'}\n");
        assertThrows(IllegalStateException.class, () -> UnreachableResponse.parse(withoutReason));
        JsonNode complete = new YAMLMapper().readTree(
                "unreachable:\n  - {api: mollie, operationId: get-webhook, status: '422', reason: why}\n");
        assertEquals(List.of(new UnreachableResponse(Preset.MOLLIE.id(), "get-webhook", "422", "why")),
                UnreachableResponse.parse(complete));
    }
}
