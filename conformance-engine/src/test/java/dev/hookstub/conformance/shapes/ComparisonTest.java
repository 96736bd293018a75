package dev.hookstub.conformance.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.conformance.checks.Check;
import dev.hookstub.conformance.checks.CompareTarget;
import dev.hookstub.conformance.checks.ConformanceRun;
import dev.hookstub.conformance.checks.Difference;
import dev.hookstub.conformance.checks.RunResult;
import dev.hookstub.conformance.checks.RunSettings;
import dev.hookstub.conformance.checks.RunTarget;
import dev.hookstub.conformance.shapes.ScriptedServer.Answer;
import dev.hookstub.openapi.OpenApiSpec;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code check --compare-with}: the same requests to two real servers, and every planted difference in status,
 * content type, properties, types or error format found, while values that rightly differ (a new id, a timestamp)
 * are not differences.
 */
class ComparisonTest {

    private static final String SPEC = """
            openapi: 3.1.0
            info: {title: compared, version: '1'}
            paths:
              /hooks:
                post:
                  operationId: createHook
                  requestBody:
                    required: true
                    content: {application/json: {schema: {type: object, required: [url], properties: {url: {type: string, format: uri}}}}}
                  responses:
                    '201': {description: made, content: {application/json: {schema: {$ref: '#/components/schemas/Hook'}}}}
                    '422': {description: refused, content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
              /hooks/{id}:
                get:
                  operationId: getHook
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Hook'}}}}
                    '404': {description: none, content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
            components:
              schemas:
                Hook:
                  type: object
                  required: [id, url, createdAt]
                  properties:
                    id: {type: string}
                    url: {type: string}
                    createdAt: {type: string, format: date-time}
                    active: {type: boolean}
                Error: {type: object, required: [message], properties: {message: {type: string}}}
            """;

    /** A server of the spec; {@code variant} plants one difference. */
    private static ScriptedServer server(String variant) {
        ScriptedServer server = new ScriptedServer();
        server.on("POST", "/hooks", m -> switch (variant) {
            case "status" -> Answer.json(200, hook());
            case "content type" -> new Answer(201, Map.of("Content-Type", "text/plain"), hook());
            case "property" -> Answer.json(201, "{\"id\":\"" + UUID.randomUUID() + "\",\"url\":\"https://a.example\","
                    + "\"createdAt\":\"2030-01-01T00:00:00Z\"}");
            case "type" -> Answer.json(201, hook().replace("\"active\":true", "\"active\":\"yes\""));
            default -> Answer.json(201, hook());
        });
        server.on("GET", "/hooks/[^/]+", m -> variant.equals("error format")
                ? Answer.json(404, "{\"error\":{\"code\":404}}") : Answer.json(404, "{\"message\":\"no such hook\"}"));
        return server;
    }

    /** A new id and a new time on every call: values two servers rightly disagree on. */
    private static String hook() {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"url\":\"https://a.example\",\"createdAt\":\""
                + java.time.Instant.now() + "\",\"active\":true}";
    }

    private static RunResult compare(ScriptedServer primary, ScriptedServer other) {
        OpenApiSpec spec = OpenApiSpec.fromBytes("compared", SPEC.getBytes(StandardCharsets.UTF_8));
        return new ConformanceRun(spec, RunTarget.of(primary.url(), null),
                new RunSettings(3, 3, false, EnumSet.allOf(Check.class)))
                .comparingWith(new CompareTarget(other.url(), null, null))
                .run();
    }

    @Test
    void twoServersThatDifferOnlyInIdsAndTimesHaveNoDifference() {
        try (ScriptedServer one = server("same"); ScriptedServer two = server("same")) {
            RunResult result = compare(one, two);
            assertEquals(List.of(), result.differences());
            assertEquals(one.received().size(), two.received().size() + readBacks(one), "the same requests went to both");
        }
    }

    /** Read-backs use the id a create returned, which differs per server: they go to the checked server only. */
    private static long readBacks(ScriptedServer server) {
        return server.received().stream().filter(r -> r.method().equals("GET") && r.path().startsWith("/hooks/")
                && r.path().length() == "/hooks/".length() + 36).count();
    }

    @Test
    void everyPlantedDifferenceIsFoundAndNamed() {
        Map<String, String> expected = Map.of(
                "status", "status: 201 here, 200 there",
                "content type", "content type: application/json here, text/plain there",
                "property", "property /active: present here, absent there",
                "type", "type /active: boolean here, string there",
                "error format", "error format: the API's error format here, not the API's error format there");
        expected.forEach((variant, line) -> {
            try (ScriptedServer one = server("same"); ScriptedServer two = server(variant)) {
                List<Difference> found = compare(one, two).differences();
                assertTrue(found.stream().anyMatch(d -> d.describe().equals(line)),
                        variant + ": " + found.stream().map(Difference::describe).toList());
            }
        });
    }
}
