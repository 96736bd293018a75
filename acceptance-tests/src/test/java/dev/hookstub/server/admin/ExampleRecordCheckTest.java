package dev.hookstub.server.admin;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.junit.Hookstub;
import dev.hookstub.server.api.StubApi;
import dev.hookstub.server.error.ApiProblem;
import org.junit.jupiter.api.Test;

/**
 * A start seeds the spec's own example record without holding it to the schema (that would load the JSON Schema
 * library before the first answer) and holds it to the schema once the first answer is out. The shipped specs'
 * examples match; one that does not is refused by that later check, as a fixture file's record is refused at once.
 */
class ExampleRecordCheckTest {

    @Test
    void eachShippedSpecsExampleRecordMatchesItsSchema() {
        try (Hookstub stub = Hookstub.start(Hookstub.defaultConfig())) {
            for (StubApi api : stub.server().apis()) {
                assertTrue(api.fixturesAreTheSpecsExample(), api.id());
                api.resetAtStart();
                assertEquals(1, api.adminRecords().list().size(), api.id());
                assertDoesNotThrow(() -> api.adminRecords().checkExamples(), api.id());
            }
        }
    }

    @Test
    void anExampleThatDoesNotMatchIsRefusedByTheLaterCheckAndAFixtureAtOnce() {
        try (Hookstub stub = Hookstub.start(Hookstub.defaultConfig())) {
            StubApi api = stub.server().apis().stream().filter(a -> a.id().equals("mijnklantportaal")).findFirst().orElseThrow();
            ObjectNode broken = ((ObjectNode) api.fixtures().get(0)).deepCopy();
            broken.remove("id");
            broken.put("secret", 12345);
            ApiProblem atOnce = assertThrows(ApiProblem.class, () -> api.adminRecords().seed(broken));
            assertEquals("secret", atOnce.field());
            api.adminRecords().seedExample(broken);
            ApiProblem later = assertThrows(ApiProblem.class, () -> api.adminRecords().checkExamples());
            assertEquals("secret", later.field());
            // Checked once: the queue is empty afterwards.
            assertDoesNotThrow(() -> api.adminRecords().checkExamples());
        }
    }
}
