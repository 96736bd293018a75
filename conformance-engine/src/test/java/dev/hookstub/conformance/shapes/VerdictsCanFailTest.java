package dev.hookstub.conformance.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.conformance.checks.CaseFailure;
import dev.hookstub.conformance.checks.Check;
import dev.hookstub.conformance.checks.CheckResult.Outcome;
import dev.hookstub.conformance.checks.RunSettings;
import dev.hookstub.conformance.checks.RunTarget;
import dev.hookstub.conformance.shapes.ScriptedServer.Answer;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each verdict fails on a server that breaks it and passes on one that differs only where the spec allows, in the
 * cases a mutation run (PIT, on ExchangeJudge) found no test could tell: a check whose verdict could be changed and
 * nothing noticed. Each test is named for the half of a check it holds.
 */
class VerdictsCanFailTest {

    private static final RunSettings SETTINGS = new RunSettings(11, 4, false, EnumSet.allOf(Check.class));
    private static final String ERROR = "{\"message\":\"no\"}";

    private static Ran run(String yaml, ScriptedServer server) {
        return Ran.of(yaml, server, SETTINGS, RunTarget.of(server.url(), "token-123"));
    }

    private static boolean anyFailureOf(Ran ran, String operation, Check check, String labelStart) {
        return ran.result(operation, check).failures().stream().map(CaseFailure::caseDescription)
                .anyMatch(label -> label.startsWith(labelStart));
    }

    private static final String HOOKS = """
            openapi: 3.0.3
            info: {title: hooks, version: '1'}
            paths:
              /hooks:
                post:
                  operationId: createHook
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema:
                          type: object
                          required: [url]
                          properties: {url: {type: string, maxLength: 40}, note: {type: string, maxLength: 10}}
                        example: {url: 'https://a.example/h'}
                  responses:
                    '201': {description: made, content: {application/json: {schema: {type: object}}}}
                    '422': {description: refused, content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
            components:
              schemas:
                Error: {type: object, required: [message], properties: {message: {type: string}}}
            """;

    @Test
    void positiveDataAcceptanceFailsAServerThatTakesOnlyTheExample() {
        try (ScriptedServer server = new ScriptedServer().onRequest("POST", "/hooks",
                request -> request.body().replace(" ", "").equals("{\"url\":\"https://a.example/h\"}")
                        ? Answer.json(201, "{}") : Answer.json(422, ERROR))) {
            Ran ran = run(HOOKS, server);
            ran.noErrors();
            assertEquals(Outcome.FAILED, ran.outcome("createHook", Check.POSITIVE_DATA_ACCEPTANCE));
            assertTrue(anyFailureOf(ran, "createHook", Check.POSITIVE_DATA_ACCEPTANCE, "generated"),
                    ran.result("createHook", Check.POSITIVE_DATA_ACCEPTANCE).toString());
        }
        try (ScriptedServer server = new ScriptedServer().on("POST", "/hooks", Answer.json(201, "{}"))) {
            assertEquals(Outcome.PASSED, run(HOOKS, server).outcome("createHook", Check.POSITIVE_DATA_ACCEPTANCE));
        }
    }

    @Test
    void aValidRequestRefusedWithADeclared400OrAnUndeclaredRedirectIsNotAccepted() {
        String yaml = """
                openapi: 3.0.3
                info: {title: items, version: '1'}
                paths:
                  /items:
                    get:
                      operationId: listItems
                      responses:
                        '200': {description: ok}
                        '400': {description: bad, content: {application/json: {schema: {type: object}}}}
                  /login-first:
                    get:
                      operationId: guarded
                      responses: {'200': {description: ok}}
                """;
        try (ScriptedServer server = new ScriptedServer().on("GET", "/items", Answer.json(400, ERROR))
                .on("GET", "/login-first", new Answer(302, Map.of("Location", "/login"), ""))) {
            Ran ran = run(yaml, server);
            assertEquals(Outcome.FAILED, ran.outcome("listItems", Check.POSITIVE_DATA_ACCEPTANCE));
            assertTrue(ran.firstReason("listItems", Check.POSITIVE_DATA_ACCEPTANCE).contains("rejected with 400"),
                    ran.firstReason("listItems", Check.POSITIVE_DATA_ACCEPTANCE));
            assertEquals(Outcome.FAILED, ran.outcome("guarded", Check.POSITIVE_DATA_ACCEPTANCE));
        }
        // An undeclared 2xx is an acceptance (its status is status_code_conformance's to judge).
        try (ScriptedServer server = new ScriptedServer().on("GET", "/items", Answer.json(202, "{}"))
                .on("GET", "/login-first", Answer.json(200, "{}"))) {
            Ran ran = run(yaml, server);
            assertEquals(Outcome.PASSED, ran.outcome("listItems", Check.POSITIVE_DATA_ACCEPTANCE));
            assertEquals(Outcome.FAILED, ran.outcome("listItems", Check.STATUS_CODE_CONFORMANCE));
        }
    }

    @Test
    void aNotFoundExampleFailsUnlessItReadsARecordNotKnownToExist() {
        String yaml = """
                openapi: 3.0.3
                info: {title: items, version: '1'}
                paths:
                  /items/{id}:
                    get:
                      operationId: getItem
                      parameters: [{name: id, in: path, required: true, schema: {type: string}, example: it-1}]
                      responses: {'200': {description: ok}, '404': {description: gone}}
                """;
        try (ScriptedServer server = new ScriptedServer().on("GET", "/items/.*", Answer.json(404, ERROR))) {
            assertEquals(Outcome.PASSED, run(yaml, server).outcome("getItem", Check.POSITIVE_DATA_ACCEPTANCE),
                    "nobody said it-1 exists");
            Ran known = Ran.of(yaml, server, SETTINGS, RunTarget.of(server.url(), "token-123").withExamples());
            assertEquals(Outcome.FAILED, known.outcome("getItem", Check.POSITIVE_DATA_ACCEPTANCE),
                    "the server is said to hold the spec's examples");
        }
        try (ScriptedServer server = new ScriptedServer().on("POST", "/hooks", Answer.json(404, ERROR))) {
            assertEquals(Outcome.FAILED, run(HOOKS, server).outcome("createHook", Check.POSITIVE_DATA_ACCEPTANCE),
                    "a create names no record that could be missing");
        }
    }

    @Test
    void maxResponseTimeFailsASlowAnswerAndNoAnswer() {
        String yaml = """
                openapi: 3.0.3
                info: {title: slow, version: '1'}
                paths:
                  /slow: {get: {operationId: slow, responses: {'200': {description: ok}}}}
                  /quick: {get: {operationId: quick, responses: {'200': {description: ok}}}}
                """;
        try (ScriptedServer server = new ScriptedServer()
                .on("GET", "/slow", matcher -> {
                    sleep(400);
                    return Answer.json(200, "{}");
                })
                .on("GET", "/quick", Answer.json(200, "{}"))) {
            Ran ran = Ran.of(yaml, server, SETTINGS.withGeneratedCases(1).withRequestTimeout(Duration.ofSeconds(3))
                    .withMaxResponseTime(Duration.ofMillis(200)), RunTarget.of(server.url(), "token-123"));
            assertEquals(Outcome.FAILED, ran.outcome("slow", Check.MAX_RESPONSE_TIME));
            assertTrue(ran.firstReason("slow", Check.MAX_RESPONSE_TIME).contains("over the limit of 200 ms"),
                    ran.firstReason("slow", Check.MAX_RESPONSE_TIME));
            assertEquals(Outcome.PASSED, ran.outcome("quick", Check.MAX_RESPONSE_TIME));
        }
        try (ScriptedServer server = new ScriptedServer().on("GET", "/slow", matcher -> {
            sleep(1500);
            return Answer.json(200, "{}");
        }).on("GET", "/quick", Answer.json(200, "{}"))) {
            Ran ran = Ran.of(yaml, server, SETTINGS.withGeneratedCases(1).withRequestTimeout(Duration.ofMillis(300))
                    .withMaxResponseTime(Duration.ofSeconds(1)), RunTarget.of(server.url(), "token-123"));
            assertEquals(Outcome.FAILED, ran.outcome("slow", Check.MAX_RESPONSE_TIME));
            assertTrue(ran.firstReason("slow", Check.MAX_RESPONSE_TIME).contains("no answer"),
                    ran.firstReason("slow", Check.MAX_RESPONSE_TIME));
        }
    }

    @Test
    void aServerErrorIsNoRejectionOfAnInvalidRequestOrOfOneWithoutARequiredHeader() {
        String yaml = """
                openapi: 3.0.3
                info: {title: pages, version: '1'}
                paths:
                  /pages:
                    get:
                      operationId: listPages
                      parameters:
                        - {name: limit, in: query, required: true, schema: {type: integer, minimum: 1, maximum: 50}}
                        - {name: X-Request-Id, in: header, required: true, schema: {type: string}}
                      responses: {'200': {description: ok}, '400': {description: bad}}
                """;
        try (ScriptedServer server = new ScriptedServer().onRequest("GET", "/pages", request -> {
            boolean validLimit = request.query() != null && request.query().matches("limit=([1-9]|[1-4][0-9]|50)");
            return validLimit && request.header("X-Request-Id") != null ? Answer.json(200, "{}")
                    : Answer.json(500, ERROR);
        })) {
            Ran ran = run(yaml, server);
            assertEquals(Outcome.PASSED, ran.outcome("listPages", Check.POSITIVE_DATA_ACCEPTANCE));
            assertEquals(Outcome.FAILED, ran.outcome("listPages", Check.NEGATIVE_DATA_REJECTION));
            assertTrue(ran.firstReason("listPages", Check.NEGATIVE_DATA_REJECTION).contains("got 500, not a 4xx"),
                    ran.firstReason("listPages", Check.NEGATIVE_DATA_REJECTION));
            assertEquals(Outcome.FAILED, ran.outcome("listPages", Check.MISSING_REQUIRED_HEADER));
        }
        try (ScriptedServer server = new ScriptedServer().onRequest("GET", "/pages", request -> {
            boolean validLimit = request.query() != null && request.query().matches("limit=([1-9]|[1-4][0-9]|50)");
            return validLimit && request.header("X-Request-Id") != null ? Answer.json(200, "{}")
                    : Answer.json(400, ERROR);
        })) {
            Ran ran = run(yaml, server);
            assertEquals(Outcome.PASSED, ran.outcome("listPages", Check.NEGATIVE_DATA_REJECTION));
            assertEquals(Outcome.PASSED, ran.outcome("listPages", Check.MISSING_REQUIRED_HEADER));
        }
    }

    private static final String SECURED = """
            openapi: 3.0.3
            info: {title: secured, version: '1'}
            security: [{bearer: []}]
            paths:
              /me: {get: {operationId: me, responses: {'200': {description: ok}, '401': {description: who}, '403': {description: no}}}}
              /open:
                get:
                  operationId: open
                  security: [{}, {bearer: []}]
                  responses: {'200': {description: ok}}
            components:
              securitySchemes:
                bearer: {type: http, scheme: bearer}
            """;

    @Test
    void ignoredAuthTakesA403AndAValidCredentialRefusedFailsAcceptance() {
        try (ScriptedServer server = new ScriptedServer().onRequest("GET", "/me|/open",
                request -> "Bearer token-123".equals(request.header("Authorization")) ? Answer.json(200, "{}")
                        : Answer.json(403, ERROR))) {
            Ran ran = run(SECURED, server);
            assertEquals(Outcome.PASSED, ran.outcome("me", Check.IGNORED_AUTH), "403 refuses as well as 401");
            assertEquals(Outcome.PASSED, ran.outcome("me", Check.POSITIVE_DATA_ACCEPTANCE));
        }
        // The run has the credential, and the server refuses it: not "no credential was given", a failure.
        try (ScriptedServer server = new ScriptedServer().on("GET", "/me|/open", Answer.json(401, ERROR))) {
            Ran ran = run(SECURED, server);
            assertEquals(Outcome.FAILED, ran.outcome("me", Check.POSITIVE_DATA_ACCEPTANCE));
            assertEquals(Outcome.FAILED, ran.outcome("open", Check.POSITIVE_DATA_ACCEPTANCE));
            // Without a credential, the secured read is skipped saying so; the one whose security is optional is
            // still a valid request, and its 401 a failure.
            Ran without = Ran.of(SECURED, server, SETTINGS, RunTarget.of(server.url(), null));
            assertEquals(Outcome.SKIPPED, without.outcome("me", Check.POSITIVE_DATA_ACCEPTANCE));
            assertEquals(Outcome.FAILED, without.outcome("open", Check.POSITIVE_DATA_ACCEPTANCE));
        }
        try (ScriptedServer server = new ScriptedServer().on("GET", "/me|/open", Answer.json(422, ERROR))) {
            Ran without = Ran.of(SECURED, server, SETTINGS, RunTarget.of(server.url(), null));
            assertEquals(Outcome.FAILED, without.outcome("me", Check.POSITIVE_DATA_ACCEPTANCE),
                    "only 401 and 403 say a credential is missing");
        }
    }

    @Test
    void anOperationDeclaringOnlyADefaultIsHeldToAcceptingAndOneDeclaringOnlyErrorsIsNot() {
        String yaml = """
                openapi: 3.0.3
                info: {title: d, version: '1'}
                paths:
                  /anything: {get: {operationId: anything, responses: {default: {description: whatever}}}}
                  /broken: {get: {operationId: broken, responses: {'400': {description: bad}, '500': {description: down}}}}
                """;
        try (ScriptedServer server = new ScriptedServer().on("GET", "/anything|/broken", Answer.json(422, ERROR))) {
            Ran ran = run(yaml, server);
            assertEquals(Outcome.FAILED, ran.outcome("anything", Check.POSITIVE_DATA_ACCEPTANCE));
            assertEquals(Outcome.SKIPPED, ran.outcome("broken", Check.POSITIVE_DATA_ACCEPTANCE));
        }
    }

    private static final String TWO_METHODS = """
            openapi: 3.0.3
            info: {title: m, version: '1'}
            security: [{bearer: []}]
            paths:
              /things/{id}:
                parameters: [{name: id, in: path, required: true, schema: {type: string}, example: t-1}]
                get:
                  operationId: getThing
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {type: object}}}}
                    '404': {description: gone, content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
                delete:
                  operationId: deleteThing
                  responses: {'204': {description: gone}}
            components:
              securitySchemes:
                bearer: {type: http, scheme: bearer}
              schemas:
                Error: {type: object, required: [message], properties: {message: {type: string}}}
            """;

    @Test
    void unsupportedMethodWantsA405WhoseAllowNamesEveryDocumentedMethodInTheApisErrorFormat() {
        try (ScriptedServer server = new ScriptedServer().on("GET", "/things/.*", Answer.json(200, "{}"))
                .on("DELETE", "/things/.*", Answer.empty(204))
                .on("PUT|POST|PATCH", "/things/.*", new Answer(405, Map.of("Allow", "GET, DELETE",
                        "Content-Type", "application/json"), ERROR))) {
            Ran ran = run(TWO_METHODS, server);
            assertEquals(Outcome.PASSED, ran.outcome("getThing", Check.UNSUPPORTED_METHOD),
                    ran.result("getThing", Check.UNSUPPORTED_METHOD).toString());
        }
        try (ScriptedServer server = new ScriptedServer().on("GET", "/things/.*", Answer.json(200, "{}"))
                .on("PUT|POST|PATCH", "/things/.*", new Answer(404, Map.of("Allow", "GET, DELETE",
                        "Content-Type", "application/json"), ERROR))) {
            Ran ran = run(TWO_METHODS, server);
            assertEquals(Outcome.FAILED, ran.outcome("getThing", Check.UNSUPPORTED_METHOD));
            assertTrue(ran.firstReason("getThing", Check.UNSUPPORTED_METHOD).contains("got 404, not 405"),
                    ran.firstReason("getThing", Check.UNSUPPORTED_METHOD));
        }
        try (ScriptedServer server = new ScriptedServer().on("GET", "/things/.*", Answer.json(200, "{}"))
                .on("PUT|POST|PATCH", "/things/.*", new Answer(405, Map.of("Allow", "GET",
                        "Content-Type", "application/json"), ERROR))) {
            Ran ran = run(TWO_METHODS, server);
            assertTrue(ran.firstReason("getThing", Check.UNSUPPORTED_METHOD).contains("leaves out documented [DELETE]"),
                    ran.firstReason("getThing", Check.UNSUPPORTED_METHOD));
        }
        try (ScriptedServer server = new ScriptedServer().on("GET", "/things/.*", Answer.json(200, "{}"))
                .on("PUT|POST|PATCH", "/things/.*", Answer.json(405, ERROR))) {
            Ran ran = run(TWO_METHODS, server);
            ran.noErrors();
            assertTrue(ran.firstReason("getThing", Check.UNSUPPORTED_METHOD).contains("405 without an Allow header"),
                    ran.firstReason("getThing", Check.UNSUPPORTED_METHOD));
        }
        // A right 405 in a body that is not the API's error format: held to the spec like any refusal.
        try (ScriptedServer server = new ScriptedServer().on("GET", "/things/.*", Answer.json(200, "{}"))
                .on("PUT|POST|PATCH", "/things/.*", new Answer(405, Map.of("Allow", "GET, DELETE",
                        "Content-Type", "text/html"), "<h1>Method Not Allowed</h1>"))) {
            Ran ran = run(TWO_METHODS, server);
            assertEquals(Outcome.PASSED, ran.outcome("getThing", Check.UNSUPPORTED_METHOD));
            assertTrue(anyFailureOf(ran, "getThing", Check.CONTENT_TYPE_CONFORMANCE, "undocumented method"),
                    ran.result("getThing", Check.CONTENT_TYPE_CONFORMANCE).toString());
        }
    }

    @Test
    void tenantIsolationWantsTheRefusalInTheApisErrorFormat() {
        for (boolean inFormat : new boolean[] {true, false}) {
            try (ScriptedServer server = new ScriptedServer().onRequest("GET", "/things/.*",
                    request -> "Bearer token-123".equals(request.header("Authorization"))
                            ? Answer.json(200, "{\"id\":\"t-1\"}")
                            : inFormat ? Answer.json(404, ERROR)
                            : new Answer(404, Map.of("Content-Type", "text/plain"), "nope"))) {
                Ran ran = Ran.of(TWO_METHODS, server, SETTINGS.withChecks(EnumSet.of(Check.TENANT_ISOLATION)),
                        RunTarget.of(server.url(), "token-123").withSecondCredential("other-456"));
                assertEquals(inFormat ? Outcome.PASSED : Outcome.FAILED,
                        ran.outcome("getThing", Check.TENANT_ISOLATION), ran.result("getThing",
                                Check.TENANT_ISOLATION).toString());
            }
        }
    }

    /**
     * A create whose answer names the record only by its Location header (no id in the body): read back there, and
     * a server that loses what it made fails. The id in the body had hidden this way of finding the record.
     */
    @Test
    void aRecordNamedOnlyByItsLocationIsReadBackThere() {
        String yaml = """
                openapi: 3.0.3
                info: {title: located, version: '1'}
                paths:
                  /things:
                    post:
                      operationId: makeThing
                      requestBody: {required: true, content: {application/json: {schema: {type: object}}}}
                      responses:
                        '201': {description: made, headers: {Location: {schema: {type: string}}}}
                  /things/{thingId}:
                    get:
                      operationId: getThing
                      parameters: [{name: thingId, in: path, required: true, schema: {type: string}}]
                      responses: {'200': {description: ok}, '404': {description: none}}
                """;
        for (boolean keeps : new boolean[] {true, false}) {
            try (ScriptedServer server = new ScriptedServer()
                    .on("POST", "/things", new Answer(201, Map.of("Location", "/things/made-1"), ""))
                    .on("GET", "/things/made-1", keeps ? Answer.empty(200) : Answer.json(404, ERROR))
                    .on("GET", "/things/.*", Answer.json(404, ERROR))) {
                Ran ran = run(yaml, server);
                ran.noErrors();
                assertEquals(keeps ? Outcome.PASSED : Outcome.FAILED,
                        ran.outcome("makeThing", Check.ENSURE_RESOURCE_AVAILABILITY),
                        ran.result("makeThing", Check.ENSURE_RESOURCE_AVAILABILITY).toString());
                assertTrue(ran.requests().stream().anyMatch(r -> r.method().equals("GET")
                        && r.path().equals("/things/made-1")), "read back where the Location said");
            }
        }
    }

    /**
     * A create whose spec links it to its read (OpenAPI's links, the id at a pointer of the answer's body under a
     * member no name-based guess would take): read back by the link, and a server that loses what it made fails.
     */
    @Test
    void aRecordIsReadBackByTheLinkTheSpecGives() {
        String yaml = """
                openapi: 3.0.3
                info: {title: linked, version: '1'}
                paths:
                  /widgets:
                    post:
                      operationId: makeWidget
                      requestBody: {required: true, content: {application/json: {schema: {type: object}}}}
                      responses:
                        '201':
                          description: made
                          content: {application/json: {schema: {type: object, properties: {ref: {type: object, properties: {key: {type: string}}}}}}}
                          links:
                            readIt: {operationId: fetchWidget, parameters: {wkey: '$response.body#/ref/key'}}
                  /widgets/{wkey}:
                    get:
                      operationId: fetchWidget
                      parameters: [{name: wkey, in: path, required: true, schema: {type: string}}]
                      responses: {'200': {description: ok}, '404': {description: none}}
                """;
        for (boolean keeps : new boolean[] {true, false}) {
            try (ScriptedServer server = new ScriptedServer()
                    .on("POST", "/widgets", Answer.json(201, "{\"ref\":{\"key\":\"w-77\"}}"))
                    .on("GET", "/widgets/w-77", keeps ? Answer.empty(200) : Answer.json(404, ERROR))
                    .on("GET", "/widgets/.*", Answer.json(404, ERROR))) {
                Ran ran = run(yaml, server);
                ran.noErrors();
                assertEquals(keeps ? Outcome.PASSED : Outcome.FAILED,
                        ran.outcome("makeWidget", Check.ENSURE_RESOURCE_AVAILABILITY),
                        ran.result("makeWidget", Check.ENSURE_RESOURCE_AVAILABILITY).toString());
                assertTrue(ran.requests().stream().anyMatch(r -> r.method().equals("GET")
                        && r.path().equals("/widgets/w-77")), "read back by the link");
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
