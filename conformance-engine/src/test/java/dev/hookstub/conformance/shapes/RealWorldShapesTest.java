package dev.hookstub.conformance.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.conformance.checks.Check;
import dev.hookstub.conformance.checks.CheckResult;
import dev.hookstub.conformance.checks.CheckResult.Outcome;
import dev.hookstub.conformance.checks.ConformanceRun;
import dev.hookstub.conformance.checks.RequestCase;
import dev.hookstub.conformance.checks.RunResult;
import dev.hookstub.conformance.checks.RunSettings;
import dev.hookstub.conformance.checks.RunTarget;
import dev.hookstub.conformance.shapes.ScriptedServer.Answer;
import dev.hookstub.conformance.shapes.ScriptedServer.Request;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.RequestValidator;
import dev.hookstub.openapi.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The shapes real documents have that once crashed the engine or made it call invalid requests valid, each in a
 * minimal document of its own, run against a real server that answers as the test scripts it. Every request the engine
 * calls valid is held to the spec by the core's request validator, and each verdict to what the server did.
 */
class RealWorldShapesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RunSettings SETTINGS = new RunSettings(7, 6, true, EnumSet.allOf(Check.class));

    private static Ran run(String yaml, ScriptedServer server, RunSettings settings, String credential) {
        return Ran.of(yaml, server, settings, RunTarget.of(server.url(), credential));
    }

    private static Ran run(String yaml, ScriptedServer server) {
        return run(yaml, server, SETTINGS, "token-123");
    }

    @Test
    void aCreateBesideANestedReadIsReadBackWithEveryPathParameterAndARequiredReadOnlyIdIsNotSent() throws Exception {
        String yaml = """
                openapi: 3.0.3
                info: {title: shape, version: '1'}
                paths:
                  /owners/{owner}/things:
                    parameters: [{name: owner, in: path, required: true, schema: {type: string, pattern: '^[a-z]{3,8}$'}}]
                    post:
                      operationId: createThing
                      requestBody: {required: true, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}
                      responses:
                        '201': {description: created, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}
                  /owners/{owner}/things/{thingId}:
                    get:
                      operationId: getThing
                      parameters:
                        - {name: owner, in: path, required: true, schema: {type: string}}
                        - {name: thingId, in: path, required: true, schema: {type: string}}
                      responses:
                        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}
                        '404': {description: none, content: {application/json: {schema: {type: object}}}}
                components:
                  schemas:
                    Thing:
                      type: object
                      required: [id, name]
                      properties:
                        id: {type: string, readOnly: true}
                        name: {type: string, maxLength: 20}
                """;
        try (ScriptedServer server = new ScriptedServer()
                .on("POST", "/owners/([a-z]+)/things", m -> Answer.json(201, "{\"id\":\"t-" + m.group(1) + "\",\"name\":\"n\"}"))
                .on("GET", "/owners/([^/]+)/things/([^/]+)", m -> m.group(2).equals("t-" + m.group(1))
                        ? Answer.json(200, "{\"id\":\"" + m.group(2) + "\",\"name\":\"n\"}") : Answer.json(404, "{}"))) {
            Ran ran = run(yaml, server);
            ran.noErrors();
            ran.validRequestsAreValid();
            assertEquals(Outcome.PASSED, ran.outcome("createThing", Check.ENSURE_RESOURCE_AVAILABILITY));
            assertEquals(Outcome.PASSED, ran.outcome("createThing", Check.POSITIVE_DATA_ACCEPTANCE));
            for (Request post : ran.requests().stream().filter(r -> r.method().equals("POST")).toList()) {
                if (post.body().startsWith("{") && post.body().endsWith("}") && !post.body().contains("12345")) {
                    assertFalse(JSON.readTree(post.body()).has("id"), "a readOnly member was sent: " + post.body());
                }
            }
        }
    }

    /**
     * A format with a rule of the schema's own beside it: the generator made one shape of email
     * ({@code conformance+…@example.com}, 31 characters), so a maxLength of 20 or a pattern on the domain left the
     * operation with no valid request.
     */
    @Test
    void aFormatWithALengthOrPatternBesideItStillGivesValidRequests() {
        String yaml = """
                openapi: 3.1.0
                info: {title: shape, version: '1'}
                paths:
                  /people:
                    post:
                      operationId: addPerson
                      requestBody:
                        required: true
                        content:
                          application/json:
                            schema:
                              type: object
                              required: [short, test, plain, host]
                              properties:
                                short: {type: string, format: email, maxLength: 20}
                                test: {type: string, format: email, pattern: '@example\\.test$'}
                                plain: {type: string, format: email, pattern: '^[^+]+$'}
                                host: {type: string, format: hostname, pattern: '\\.test$'}
                      responses: {'204': {description: added}}
                """;
        try (ScriptedServer server = new ScriptedServer().on("POST", "/people", Answer.empty(204))) {
            Ran ran = run(yaml, server);
            ran.noErrors();
            ran.validRequestsAreValid();
            assertEquals(Outcome.PASSED, ran.outcome("addPerson", Check.POSITIVE_DATA_ACCEPTANCE));
        }
    }

    /**
     * An object parameter's members are broken like any parameter: the check only skipped such an operation (saying
     * so, since an earlier fix), so a server that took any point at all passed unseen. Now a server that takes an
     * {@code x} out of its bounds fails, and one that refuses it passes.
     */
    @Test
    void anObjectParametersMembersAreBrokenAndAServerTakingThemFails() {
        String yaml = """
                openapi: 3.0.3
                info: {title: shape, version: '1'}
                paths:
                  /points/{pt}:
                    get:
                      operationId: getPoint
                      parameters:
                        - name: pt
                          in: path
                          required: true
                          style: matrix
                          explode: true
                          schema: {type: object, required: [x], properties: {x: {type: integer, minimum: 0, maximum: 100}}}
                      responses: {'200': {description: ok}, '400': {description: bad point}}
                """;
        try (ScriptedServer lenient = new ScriptedServer().on("GET", "/points/.*", Answer.json(200, "{}"))) {
            Ran ran = run(yaml, lenient);
            ran.noErrors();
            ran.validRequestsAreValid();
            assertEquals(Outcome.FAILED, ran.outcome("getPoint", Check.NEGATIVE_DATA_REJECTION));
            assertTrue(ran.result("getPoint", Check.NEGATIVE_DATA_REJECTION).firstReason()
                    .contains("path parameter pt: member 'x'"), ran.result("getPoint", Check.NEGATIVE_DATA_REJECTION)
                    .toString());
        }
        try (ScriptedServer strict = new ScriptedServer()
                .on("GET", "/points/;x=([0-9]|[1-9][0-9]|100)(;[^x].*)?", Answer.json(200, "{}"))
                .on("GET", "/points/.*", Answer.json(400, "{}"))) {
            Ran ran = run(yaml, strict);
            ran.noErrors();
            assertEquals(Outcome.PASSED, ran.outcome("getPoint", Check.NEGATIVE_DATA_REJECTION),
                    ran.result("getPoint", Check.NEGATIVE_DATA_REJECTION).toString());
            assertEquals(Outcome.PASSED, ran.outcome("getPoint", Check.POSITIVE_DATA_ACCEPTANCE),
                    ran.result("getPoint", Check.POSITIVE_DATA_ACCEPTANCE).toString());
        }
    }

    /**
     * A read that requires more than the record's id (a query parameter, a header): the read-back went without it,
     * was called valid, and a server that refused it (Prism, 400) failed ensure_resource_availability.
     */
    @Test
    void aReadBackCarriesWhatTheReadRequiresBesideTheId() {
        String yaml = """
                openapi: 3.0.3
                info: {title: shape, version: '1'}
                paths:
                  /items:
                    post:
                      operationId: createItem
                      requestBody: {required: true, content: {application/json: {schema: {type: object, properties: {label: {type: string}}}}}}
                      responses:
                        '201': {description: created, content: {application/json: {schema: {type: object, required: [code], properties: {code: {type: string}}}}}}
                  /items/{code}:
                    get:
                      operationId: getItem
                      parameters:
                        - {name: code, in: path, required: true, schema: {type: string}}
                        - {name: locale, in: query, required: true, schema: {type: string, enum: [nl, en]}}
                        - {name: X-Tenant, in: header, required: true, schema: {type: string, pattern: '^t-[0-9]+$'}}
                      responses:
                        '200': {description: ok, content: {application/json: {schema: {type: object, properties: {code: {type: string}}}}}}
                        '400': {description: bad, content: {application/json: {schema: {type: object}}}}
                """;
        try (ScriptedServer server = new ScriptedServer()
                .on("POST", "/items", Answer.json(201, "{\"code\":\"c-1\"}"))
                .on("GET", "/items/c-1", Answer.json(200, "{\"code\":\"c-1\"}"))) {
            Ran ran = run(yaml, server);
            ran.noErrors();
            ran.validRequestsAreValid();
            assertEquals(Outcome.PASSED, ran.outcome("createItem", Check.ENSURE_RESOURCE_AVAILABILITY));
            Request readBack = ran.requests().stream().filter(r -> r.method().equals("GET")
                    && r.path().equals("/items/c-1") && r.query() != null && r.query().startsWith("locale="))
                    .findFirst().orElseThrow(() -> new AssertionError("no read-back with its query: " + ran.requests()));
            assertTrue(readBack.headers().keySet().stream().anyMatch(name -> name.equalsIgnoreCase("X-Tenant")),
                    readBack.headers().toString());
            RequestValidator validator = new RequestValidator(ran.spec());
            assertEquals(List.of(), validator.validate(ran.spec().operation("getItem"), new RequestValidator.WireRequest(
                    readBack.path(), readBack.query(), readBack.headers(), null)), "the read-back keeps to the spec");
        }
    }

    /**
     * An operation whose only declared answers are errors (petstore's deleteOrder: 400 and 404) gives no status that
     * could show a valid request accepted: positive_data_acceptance is skipped, saying so. It failed the server for
     * answering as the spec says, and called a request made of required values "the spec's example request".
     */
    @Test
    void anOperationThatDeclaresOnlyErrorsIsNotHeldToAcceptingAValidRequest() {
        String yaml = """
                openapi: 3.0.3
                info: {title: shape, version: '1'}
                paths:
                  /orders/{orderId}:
                    delete:
                      operationId: deleteOrder
                      parameters: [{name: orderId, in: path, required: true, schema: {type: integer, minimum: 1}}]
                      responses:
                        '400': {description: invalid id}
                        '404': {description: no such order}
                    get:
                      operationId: getOrder
                      parameters: [{name: orderId, in: path, required: true, schema: {type: integer, minimum: 1}}]
                      responses:
                        '200': {description: the order, content: {application/json: {schema: {type: object}}}}
                """;
        try (ScriptedServer server = new ScriptedServer()
                .on("DELETE", "/orders/[^/]+", m -> Answer.json(404, "{}"))
                .on("GET", "/orders/[^/]+", m -> Answer.json(400, "{}"))) {
            Ran ran = run(yaml, server);
            ran.noErrors();
            ran.skipped("deleteOrder", Check.POSITIVE_DATA_ACCEPTANCE, "declares no answer below 400");
            CheckResult read = ran.result("getOrder", Check.POSITIVE_DATA_ACCEPTANCE);
            assertEquals(Outcome.FAILED, read.outcome(), read.toString());
            assertTrue(read.toString().contains("a valid request (required values only) was rejected with 400"),
                    read.toString());
        }
    }

    /**
     * Security one credential cannot meet is said so, not sent in part and called valid: several schemes together
     * (the request went with the API key alone), a TLS client certificate (sent as a bearer token, and ignored_auth
     * failed the server for not answering 401), a scheme the document does not declare (taken for bearer). Where
     * alternatives allow, the credential goes by one it fits: a value without a colon is no Basic credential.
     */
    @Test
    void securityOneCredentialCannotMeetIsSkippedSayingWhyAndACredentialGoesByASchemeItFits() {
        String yaml = """
                openapi: 3.1.0
                info: {title: shape, version: '1'}
                paths:
                  /and: {get: {operationId: both, security: [{key: [], basic: []}], responses: {'200': {description: ok}}}}
                  /tls: {get: {operationId: tls, security: [{mtls: []}], responses: {'200': {description: ok}}}}
                  /nowhere: {get: {operationId: nowhere, security: [{api_key: []}], responses: {'200': {description: ok}}}}
                  /either: {get: {operationId: either, security: [{basic: []}, {bearer: []}], responses: {'200': {description: ok}}}}
                components:
                  securitySchemes:
                    key: {type: apiKey, in: header, name: X-Key}
                    basic: {type: http, scheme: basic}
                    bearer: {type: http, scheme: bearer}
                    mtls: {type: mutualTLS}
                """;
        try (ScriptedServer server = new ScriptedServer()
                .on("GET", "/(and|tls|nowhere)", Answer.json(200, "{}"))
                .on("GET", "/either", m -> Answer.json(200, "{}"))) {
            Ran ran = run(yaml, server);
            ran.noErrors();
            ran.skipped("both", Check.POSITIVE_DATA_ACCEPTANCE, "asks for key and basic together");
            assertEquals(Outcome.FAILED, ran.outcome("both", Check.IGNORED_AUTH),
                    "a request without any credential is still one to refuse, and this server took it");
            ran.skipped("tls", Check.IGNORED_AUTH, "mutualTLS");
            ran.skipped("tls", Check.POSITIVE_DATA_ACCEPTANCE, "mutualTLS");
            ran.skipped("nowhere", Check.IGNORED_AUTH, "'api_key', which the document does not declare");
            ran.skipped("nowhere", Check.POSITIVE_DATA_ACCEPTANCE, "'api_key', which the document does not declare");
            List<Request> either = ran.valid().stream().filter(r -> r.path().equals("/either")).toList();
            assertFalse(either.isEmpty(), "no valid request to /either");
            either.forEach(request -> assertEquals("Bearer token-123", request.header("Authorization"),
                    request.toString()));
        }
    }

    /**
     * A create whose answer names a record the read's parameter schema refuses (petstore's placeOrder answering an
     * id of -9007199254740991 where getOrderById takes 1 to 10) cannot be read back with a valid request: the
     * read-back is skipped saying so. It was sent, called valid, and its 400 failed ensure_resource_availability.
     */
    @Test
    void aRecordTheReadCannotAskForIsNotReadBackWithAnInvalidRequest() {
        String yaml = """
                openapi: 3.0.3
                info: {title: shape, version: '1'}
                paths:
                  /orders:
                    post:
                      operationId: placeOrder
                      requestBody: {required: true, content: {application/json: {schema: {type: object}}}}
                      responses:
                        '200': {description: placed, content: {application/json: {schema: {type: object, properties: {id: {type: integer}}}}}}
                  /orders/{orderId}:
                    get:
                      operationId: getOrder
                      parameters: [{name: orderId, in: path, required: true, schema: {type: integer, minimum: 1, maximum: 10}}]
                      responses:
                        '200': {description: the order, content: {application/json: {schema: {type: object}}}}
                        '400': {description: invalid id}
                """;
        try (ScriptedServer server = new ScriptedServer()
                .on("POST", "/orders", Answer.json(200, "{\"id\":-9007199254740991}"))
                .on("GET", "/orders/[^/]+", m -> Answer.json(200, "{}"))) {
            Ran ran = run(yaml, server);
            ran.noErrors();
            ran.skipped("placeOrder", Check.ENSURE_RESOURCE_AVAILABILITY, "orderId=-9007199254740991 breaks the read's "
                    + "parameter schema");
            assertTrue(ran.requests().stream().noneMatch(r -> r.path().equals("/orders/-9007199254740991")),
                    "the read-back was sent");
        }
    }

    /**
     * An optional body no valid value of which can be made (a node that requires a parent node, all the way up) goes
     * untested, and the skip says so; it said "no body", though the operation has one.
     */
    @Test
    void aBodyNoValidValueCanBeMadeForIsNamedInTheSkipNotCalledAbsent() {
        String yaml = """
                openapi: 3.0.3
                info: {title: shape, version: '1'}
                paths:
                  /nodes:
                    post:
                      operationId: addNode
                      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Node'}}}}
                      responses: {'200': {description: ok}}
                components:
                  schemas:
                    Node: {type: object, required: [parent], properties: {parent: {$ref: '#/components/schemas/Node'}}}
                """;
        try (ScriptedServer server = new ScriptedServer().on("POST", "/nodes", Answer.json(200, "{}"))) {
            Ran ran = run(yaml, server);
            ran.noErrors();
            ran.skipped("addNode", Check.NEGATIVE_DATA_REJECTION, "no valid request body could be made from its schema");
        }
    }

    /**
     * A multipart array goes as one part per item, as OpenAPI's Encoding Object gives an array's parts the type of its
     * items (the specification's own multiple-file upload); an object member as one JSON part. The array went as one
     * JSON part, which Prism refused ("must be array").
     */
    @Test
    void aMultipartArrayGoesAsOnePartPerItem() throws Exception {
        String yaml = """
                openapi: 3.0.3
                info: {title: shape, version: '1'}
                paths:
                  /upload:
                    post:
                      operationId: upload
                      requestBody:
                        required: true
                        content:
                          multipart/form-data:
                            schema:
                              type: object
                              required: [files, meta]
                              properties:
                                files: {type: array, minItems: 2, maxItems: 2, items: {type: string, format: binary}}
                                meta: {type: object, required: [a], properties: {a: {type: string, enum: [x]}}}
                      responses: {'200': {description: ok}}
                """;
        try (ScriptedServer server = new ScriptedServer().on("POST", "/upload", Answer.json(200, "{}"))) {
            Ran ran = run(yaml, server);
            ran.noErrors();
            Request sent = ran.valid().get(0);
            assertEquals(2, sent.body().split("name=\"files\"\r\n\r\n", -1).length - 1, sent.body());
            assertTrue(sent.body().contains("name=\"meta\"\r\nContent-Type: application/json\r\n\r\n{\"a\":\"x\"}"),
                    sent.body());
            assertFalse(sent.body().contains("[\""), "an array sent as JSON: " + sent.body());
        }
    }

    /**
     * A server that goes away mid-run: once requests are refused ten in a row, the operations after are reported as
     * not reached, saying why, and the run says so once. Each was failed on "connection refused" (270 failures in an
     * outside run whose mock crashed part-way).
     */
    @Test
    void aServerThatGoesAwayMidRunLeavesTheRestNotReachedSayingWhy() {
        String yaml = """
                openapi: 3.0.3
                info: {title: shape, version: '1'}
                paths:
                  /a: {get: {operationId: getA, parameters: [{name: q, in: query, schema: {type: integer}}], responses: {'200': {description: ok}}}}
                  /b: {get: {operationId: getB, parameters: [{name: q, in: query, schema: {type: integer}}], responses: {'200': {description: ok}}}}
                  /c: {get: {operationId: getC, parameters: [{name: q, in: query, schema: {type: integer}}], responses: {'200': {description: ok}}}}
                  /d: {get: {operationId: getD, parameters: [{name: q, in: query, schema: {type: integer}}], responses: {'200': {description: ok}}}}
                  /e: {get: {operationId: getE, parameters: [{name: q, in: query, schema: {type: integer}}], responses: {'200': {description: ok}}}}
                """;
        java.util.concurrent.atomic.AtomicReference<ScriptedServer> running = new java.util.concurrent.atomic.AtomicReference<>();
        ScriptedServer server = new ScriptedServer()
                .on("GET", "/a", Answer.json(200, "{}"))
                .on("GET", "/b", m -> {
                    new Thread(() -> running.get().close()).start();
                    return Answer.json(200, "{}");
                });
        running.set(server);
        try (server) {
            Ran ran = run(yaml, server);
            ran.noErrors();
            assertEquals(Outcome.PASSED, ran.outcome("getA", Check.POSITIVE_DATA_ACCEPTANCE));
            ran.skipped("getE", Check.POSITIVE_DATA_ACCEPTANCE, "not reached: the server stopped taking connections");
            ran.skipped("getE", Check.UNSUPPORTED_METHOD, "the server stopped taking connections");
            ran.skipped("getE", Check.NOT_A_SERVER_ERROR, "not reached"); // it was a failure: "connection refused"
            assertTrue(ran.result().notes().stream().anyMatch(note -> note.startsWith("The server stopped taking "
                    + "connections during the run")), ran.result().notes().toString());
        }
    }

    /**
     * {@code --max-duration}: an operation checked in time whose method probes (run after every operation) were
     * cut off is told so; it was called "not reached", as if the operation itself had not run.
     */
    @Test
    void anOperationCheckedInTimeWhoseMethodProbesWereCutOffIsNotCalledNotReached() {
        String yaml = """
                openapi: 3.0.3
                info: {title: shape, version: '1'}
                paths:
                  /slow: {get: {operationId: getSlow, responses: {'200': {description: ok}}}}
                  /later: {get: {operationId: getLater, responses: {'200': {description: ok}}}}
                """;
        try (ScriptedServer server = new ScriptedServer().on("GET", "/slow", m -> {
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.json(200, "{}");
        }).on("GET", "/later", Answer.json(200, "{}"))) {
            Ran ran = run(yaml, server, SETTINGS.withMaxDuration(java.time.Duration.ofMillis(100)), "token-123");
            ran.noErrors();
            assertEquals(Outcome.PASSED, ran.outcome("getSlow", Check.POSITIVE_DATA_ACCEPTANCE));
            ran.skipped("getSlow", Check.UNSUPPORTED_METHOD, "not probed: the run's time limit (--max-duration 100 ms)"
                    + " ran out before the undocumented-method probes");
            ran.skipped("getLater", Check.UNSUPPORTED_METHOD, "not reached: the run's time limit (--max-duration"
                    + " 100 ms) ran out first");
        }
    }

    /**
     * Patterns are ECMA-262, and a brace that starts no quantifier is a literal there ({@code {guid}} ids): Java's
     * engine refused the expression, no request could be made, and the skip said only "no valid request could be
     * made from the spec". An answer that breaks such a pattern is caught too. A pattern nothing can be generated for
     * is named in the skip, and one that cannot be read is named in the run's notes too, with where it is.
     */
    @Test
    void anEcmaPatternJavaRefusesGivesValidRequestsAndAPatternNothingMeetsIsNamed() {
        String yaml = """
                openapi: 3.0.3
                info: {title: shape, version: '1'}
                paths:
                  /things/{thingId}:
                    get:
                      operationId: getThing
                      parameters:
                        - {name: thingId, in: path, required: true, schema: {type: string, pattern: '^{[0-9a-f]{8}}$'}}
                      responses:
                        '200':
                          description: a thing
                          content:
                            application/json:
                              schema: {type: object, required: [id], properties: {id: {type: string, pattern: '^{[0-9a-f]{8}}$'}}}
                  /codes/{code}:
                    get:
                      operationId: getCode
                      parameters:
                        - {name: code, in: path, required: true, schema: {type: string, pattern: '^a(?=b)c$'}}
                      responses: {'200': {description: a code}}
                  /labels/{label}:
                    get:
                      operationId: getLabel
                      parameters:
                        - {name: label, in: path, required: true, schema: {type: string, pattern: '^[a-z'}}
                      responses: {'200': {description: a label}}
                """;
        try (ScriptedServer server = new ScriptedServer()
                .on("GET", "/things/.*", Answer.json(200, "{\"id\": \"0123abcd\"}"))) {
            Ran ran = run(yaml, server);
            ran.noErrors();
            ran.validRequestsAreValid();
            assertTrue(ran.valid().stream().allMatch(r -> r.path().matches("/things/%7B[0-9a-f]{8}%7D")),
                    () -> "ids in braces: " + ran.valid());
            assertEquals(Outcome.FAILED, ran.outcome("getThing", Check.RESPONSE_SCHEMA_CONFORMANCE),
                    "an id without its braces breaks the pattern");
            ran.skipped("getCode", Check.POSITIVE_DATA_ACCEPTANCE,
                    "no valid value could be made for the path parameter code: no string within its lengths matched"
                            + " its pattern ^a(?=b)c$");
            ran.skipped("getLabel", Check.POSITIVE_DATA_ACCEPTANCE, "no valid value could be made for the path"
                    + " parameter label: its pattern ^[a-z cannot be read (Unclosed character class");
            assertEquals(List.of("The spec's pattern ^[a-z at #/paths/~1labels~1{label}/get/parameters/0/schema/pattern"
                    + " cannot be read (Unclosed character class near index 4): no value is held to it, and none is"
                    + " made for it."), ran.result().notes());
        }
    }

    @Test
    void aTopLevelOneOfBodyAPatternBeyondAPrefixAndAnIntegerFormatGiveValidRequests() {
        String yaml = """
                openapi: 3.1.0
                info: {title: shape, version: '1'}
                paths:
                  /payments:
                    post:
                      operationId: pay
                      parameters:
                        - {name: limit, in: query, schema: {type: integer, format: int32}}
                        - {name: page, in: query, example: '12,', schema: {type: integer, minimum: 1}}
                      requestBody:
                        required: true
                        content:
                          application/json:
                            schema:
                              oneOf:
                                - {type: object, required: [card], properties: {card: {type: string, pattern: '^[A-Z]{3}-\\d{4}$'}}, additionalProperties: false}
                                - {type: object, required: [iban], properties: {iban: {type: string, pattern: '^NL\\d{2}[A-Z]{4}\\d{10}$'}}, additionalProperties: false}
                      responses:
                        '204': {description: paid}
                """;
        try (ScriptedServer server = new ScriptedServer().on("POST", "/payments", Answer.empty(204))) {
            Ran ran = run(yaml, server);
            ran.noErrors();
            ran.validRequestsAreValid();
            assertEquals(Outcome.PASSED, ran.outcome("pay", Check.POSITIVE_DATA_ACCEPTANCE));
            assertTrue(ran.valid().stream().anyMatch(r -> r.body().contains("card")), "the first branch is used");
            assertTrue(ran.valid().stream().anyMatch(r -> r.body().contains("iban")), "the second branch is used");
            assertTrue(ran.valid().stream().noneMatch(r -> r.query() != null && r.query().contains("page=12%2C")),
                    "an invalid parameter example is dropped");
        }
    }

    @Test
    void parametersGoAsTheirStyleSaysAndARequiredHeaderIsSentAndItsAbsenceChecked() {
        String yaml = """
                openapi: 3.0.3
                info: {title: shape, version: '1'}
                paths:
                  /items:
                    get:
                      operationId: listItems
                      parameters:
                        - {name: ids, in: query, required: true, schema: {type: array, minItems: 2, items: {type: integer, minimum: 1, maximum: 99}}}
                        - {name: tags, in: query, explode: false, schema: {type: array, items: {type: string, enum: [a, b]}}}
                        - {name: X-Request-Id, in: header, required: true, schema: {type: string, format: uuid}}
                        - {name: session, in: cookie, required: true, schema: {type: string, minLength: 4, maxLength: 8}}
                      responses:
                        '200': {description: ok, content: {application/json: {schema: {type: array}}}}
                        '400': {description: bad, content: {application/json: {schema: {type: object}}}}
                """;
        try (ScriptedServer server = new ScriptedServer()) {
            server.on("GET", "/items", m -> {
                Request last = server.received().get(server.received().size() - 1);
                return last.header("X-Request-Id") == null ? Answer.json(400, "{}") : Answer.json(200, "[]");
            });
            Ran ran = run(yaml, server);
            ran.noErrors();
            ran.validRequestsAreValid();
            for (Request request : ran.valid()) {
                assertTrue(request.query().matches("ids=\\d+&ids=\\d+.*"), "ids exploded: " + request.query());
                assertFalse(request.query().contains("%5B"), "no JSON array text: " + request.query());
                assertTrue(request.header("Cookie").startsWith("session="), request.headers().toString());
            }
            assertEquals(Outcome.PASSED, ran.outcome("listItems", Check.MISSING_REQUIRED_HEADER));
            assertTrue(ran.result("listItems", Check.MISSING_REQUIRED_HEADER).cases() >= 1);
        }
    }

    @Test
    void missingRequiredHeaderFailsAServerThatAcceptsTheRequestWithoutIt() {
        String yaml = """
                openapi: 3.0.3
                info: {title: shape, version: '1'}
                paths:
                  /items:
                    get:
                      operationId: listItems
                      parameters:
                        - {name: X-Request-Id, in: header, required: true, schema: {type: string}}
                      responses:
                        '200': {description: ok, content: {application/json: {schema: {type: array}}}}
                """;
        try (ScriptedServer server = new ScriptedServer().on("GET", "/items", Answer.json(200, "[]"))) {
            Ran ran = run(yaml, server);
            assertEquals(Outcome.FAILED, ran.outcome("listItems", Check.MISSING_REQUIRED_HEADER));
            assertTrue(ran.result("listItems", Check.MISSING_REQUIRED_HEADER).firstReason()
                    .contains("without a required header"));
        }
    }

    @Test
    void aTextBodyIsSentAsTextAndAnExamplesMapIsUsedWithItsInvalidEntriesDropped() {
        String yaml = """
                openapi: 3.1.0
                info: {title: shape, version: '1'}
                paths:
                  /notes:
                    post:
                      operationId: addNote
                      requestBody: {required: true, content: {text/plain: {schema: {type: string, minLength: 3}}}}
                      responses: {'201': {description: added}}
                  /orders:
                    post:
                      operationId: order
                      requestBody:
                        required: true
                        content:
                          application/json:
                            schema: {type: object, required: [qty], properties: {qty: {type: integer, minimum: 1}}}
                            examples:
                              broken: {value: {qty: 0}}
                              fine: {value: {qty: 7}}
                      responses: {'201': {description: ordered}}
                """;
        try (ScriptedServer server = new ScriptedServer().on("POST", "/notes", Answer.empty(201))
                .on("POST", "/orders", Answer.empty(201))) {
            Ran ran = run(yaml, server);
            ran.noErrors();
            ran.validRequestsAreValid();
            Request note = ran.valid().stream().filter(r -> r.path().equals("/notes")).findFirst().orElseThrow();
            assertTrue(note.header("Content-Type").startsWith("text/plain"), note.headers().toString());
            assertFalse(note.body().startsWith("\""), "text, not a JSON string: " + note.body());
            Request example = ran.valid().stream().filter(r -> r.path().equals("/orders")).findFirst().orElseThrow();
            assertEquals("{\"qty\":7}", example.body(), "the valid entry of the examples map");
        }
    }

    @Test
    void aDeclaredRedirectIsAnAcceptedAnswer() {
        String yaml = """
                openapi: 3.0.3
                info: {title: shape, version: '1'}
                paths:
                  /old:
                    get:
                      operationId: moved
                      responses:
                        '302': {description: see the new place, headers: {Location: {required: true, schema: {type: string}}}}
                """;
        try (ScriptedServer server = new ScriptedServer()
                .on("GET", "/old", new Answer(302, Map.of("Location", "/new"), ""))) {
            Ran ran = run(yaml, server);
            assertEquals(Outcome.PASSED, ran.outcome("moved", Check.POSITIVE_DATA_ACCEPTANCE));
            assertEquals(Outcome.PASSED, ran.outcome("moved", Check.RESPONSE_HEADERS_CONFORMANCE));
        }
    }

    @Test
    void responseHeadersConformanceFailsAMissingRequiredHeaderOrAnInvalidOne() {
        String yaml = """
                openapi: 3.0.3
                info: {title: shape, version: '1'}
                paths:
                  /limited:
                    get:
                      operationId: limited
                      responses:
                        '200':
                          description: ok
                          headers:
                            X-Rate-Limit: {required: true, schema: {type: integer, minimum: 0}}
                """;
        try (ScriptedServer missing = new ScriptedServer().on("GET", "/limited", Answer.empty(200));
             ScriptedServer invalid = new ScriptedServer().on("GET", "/limited",
                     new Answer(200, Map.of("X-Rate-Limit", "lots"), ""));
             ScriptedServer fine = new ScriptedServer().on("GET", "/limited",
                     new Answer(200, Map.of("X-Rate-Limit", "4999"), ""))) {
            assertEquals(Outcome.FAILED, run(yaml, missing).outcome("limited", Check.RESPONSE_HEADERS_CONFORMANCE));
            assertTrue(run(yaml, missing).result("limited", Check.RESPONSE_HEADERS_CONFORMANCE).firstReason()
                    .contains("required header X-Rate-Limit is missing"));
            assertEquals(Outcome.FAILED, run(yaml, invalid).outcome("limited", Check.RESPONSE_HEADERS_CONFORMANCE));
            assertEquals(Outcome.PASSED, run(yaml, fine).outcome("limited", Check.RESPONSE_HEADERS_CONFORMANCE));
        }
    }

    @Test
    void theReadBackFindsAShaANumberAndANestedIdAndAnEmptyAnswerIsNotAFailure() {
        String yaml = """
                openapi: 3.0.3
                info: {title: shape, version: '1'}
                paths:
                  /commits:
                    post:
                      operationId: commit
                      responses: {'201': {description: made, content: {application/json: {schema: {type: object}}}}}
                  /commits/{commit_sha}:
                    get:
                      operationId: getCommit
                      parameters: [{name: commit_sha, in: path, required: true, schema: {type: string}}]
                      responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}
                  /issues:
                    post:
                      operationId: openIssue
                      responses: {'201': {description: made, content: {application/json: {schema: {type: object}}}}}
                  /issues/{issue_number}:
                    get:
                      operationId: getIssue
                      parameters: [{name: issue_number, in: path, required: true, schema: {type: integer}}]
                      responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}
                  /budgets:
                    post:
                      operationId: plan
                      responses: {'201': {description: made, content: {application/json: {schema: {type: object}}}}}
                  /budgets/{budget_id}:
                    get:
                      operationId: getBudget
                      parameters: [{name: budget_id, in: path, required: true, schema: {type: string}}]
                      responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}
                  /marks:
                    post:
                      operationId: mark
                      responses: {'201': {description: made, content: {application/json: {schema: {type: object}}}}}
                  /marks/{mark_id}:
                    get:
                      operationId: getMark
                      parameters: [{name: mark_id, in: path, required: true, schema: {type: string}}]
                      responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}
                """;
        try (ScriptedServer server = new ScriptedServer()
                .on("POST", "/commits", Answer.json(201, "{\"sha\":\"abc123\"}"))
                .on("GET", "/commits/abc123", Answer.json(200, "{\"sha\":\"abc123\"}"))
                .on("POST", "/issues", Answer.json(201, "{\"number\":42,\"title\":\"t\"}"))
                .on("GET", "/issues/42", Answer.json(200, "{\"number\":42}"))
                .on("POST", "/budgets", Answer.json(201, "{\"budget\":{\"id\":\"b-1\"}}"))
                .on("GET", "/budgets/b-1", Answer.json(200, "{\"budget\":{\"id\":\"b-1\"}}"))
                .on("POST", "/marks", Answer.json(201, "{}"))) {
            Ran ran = run(yaml, server);
            ran.noErrors();
            assertEquals(Outcome.PASSED, ran.outcome("commit", Check.ENSURE_RESOURCE_AVAILABILITY));
            assertEquals(Outcome.PASSED, ran.outcome("openIssue", Check.ENSURE_RESOURCE_AVAILABILITY));
            assertEquals(Outcome.PASSED, ran.outcome("plan", Check.ENSURE_RESOURCE_AVAILABILITY));
            assertEquals(Outcome.SKIPPED, ran.outcome("mark", Check.ENSURE_RESOURCE_AVAILABILITY));
        }
    }

    @Test
    void useAfterFreeFailsARecordThatOutlivesItsDeleteAndPassesOneThatIsGone() {
        String yaml = """
                openapi: 3.0.3
                info: {title: shape, version: '1'}
                paths:
                  /hooks:
                    post:
                      operationId: createHook
                      responses: {'201': {description: made, content: {application/json: {schema: {type: object}}}}}
                  /hooks/{hookId}:
                    get:
                      operationId: getHook
                      parameters: [{name: hookId, in: path, required: true, schema: {type: string}}]
                      responses:
                        '200': {description: ok, content: {application/json: {schema: {type: object}}}}
                        '404': {description: gone, content: {application/json: {schema: {type: object}}}}
                    delete:
                      operationId: deleteHook
                      parameters: [{name: hookId, in: path, required: true, schema: {type: string}}]
                      responses: {'204': {description: deleted}, '404': {description: gone, content: {application/json: {schema: {type: object}}}}}
                """;
        java.util.Set<String> deleted = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try (ScriptedServer forgetful = new ScriptedServer()
                .on("POST", "/hooks", Answer.json(201, "{\"id\":\"h1\"}"))
                .on("GET", "/hooks/h1", Answer.json(200, "{\"id\":\"h1\"}"))
                .on("DELETE", "/hooks/h1", Answer.empty(204));
             ScriptedServer honest = new ScriptedServer()
                .on("POST", "/hooks", m -> {
                    deleted.clear();
                    return Answer.json(201, "{\"id\":\"h1\"}");
                })
                .on("GET", "/hooks/h1", m -> deleted.isEmpty() ? Answer.json(200, "{\"id\":\"h1\"}")
                        : Answer.json(404, "{}"))
                .on("DELETE", "/hooks/h1", m -> {
                    deleted.add("h1");
                    return Answer.empty(204);
                })) {
            Ran bad = run(yaml, forgetful);
            assertEquals(Outcome.FAILED, bad.outcome("createHook", Check.USE_AFTER_FREE));
            assertTrue(bad.result("createHook", Check.USE_AFTER_FREE).firstReason().contains("still be read"));
            assertEquals(Outcome.PASSED, run(yaml, honest).outcome("createHook", Check.USE_AFTER_FREE));
        }
    }

    @Test
    void undocumentedMethodsAreProbedOnlyWhereNoTemplateServesThem() {
        String yaml = """
                openapi: 3.0.3
                info: {title: shape, version: '1'}
                paths:
                  /gists/public:
                    get:
                      operationId: listPublic
                      responses: {'200': {description: ok, content: {application/json: {schema: {type: array}}}}}
                  /gists/{gist_id}:
                    get:
                      operationId: getGist
                      parameters: [{name: gist_id, in: path, required: true, schema: {type: string}}]
                      responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}
                    delete:
                      operationId: deleteGist
                      parameters: [{name: gist_id, in: path, required: true, schema: {type: string}}]
                      responses: {'204': {description: deleted}}
                """;
        try (ScriptedServer server = new ScriptedServer()
                .on("GET", "/gists/public", Answer.json(200, "[]"))
                .on("GET", "/gists/[^/]+", Answer.json(200, "{}"))
                .on("DELETE", "/gists/[^/]+", Answer.empty(204))
                .on("POST", "/gists/[^/]+", new Answer(405, Map.of("Allow", "GET, DELETE", "Content-Type",
                        "application/json"), "{}"))
                .on("PUT", "/gists/[^/]+", new Answer(405, Map.of("Allow", "GET, DELETE", "Content-Type",
                        "application/json"), "{}"))
                .on("PATCH", "/gists/[^/]+", new Answer(405, Map.of("Allow", "GET, DELETE", "Content-Type",
                        "application/json"), "{}"))) {
            Ran ran = run(yaml, server);
            assertTrue(ran.requests().stream().noneMatch(r -> r.method().equals("DELETE")
                    && r.path().equals("/gists/public")), "DELETE /gists/public is DELETE /gists/{gist_id}");
            assertEquals(Outcome.PASSED, ran.outcome("listPublic", Check.UNSUPPORTED_METHOD));
        }
    }

    @Test
    void aCredentialGoesOnlyWhereTheOperationsSecurityAsksForOne() {
        String yaml = """
                openapi: 3.0.3
                info: {title: shape, version: '1'}
                components: {securitySchemes: {basic: {type: http, scheme: basic}}}
                paths:
                  /private:
                    get:
                      operationId: secret
                      security: [{basic: []}]
                      responses: {'200': {description: ok}, '401': {description: who, content: {application/json: {schema: {type: object}}}}}
                  /public:
                    get:
                      operationId: open
                      responses: {'200': {description: ok}}
                """;
        String expected = "Basic " + Base64.getEncoder().encodeToString("user:pa55word".getBytes(StandardCharsets.UTF_8));
        try (ScriptedServer server = new ScriptedServer()) {
            server.on("GET", "/private", m -> expected.equals(lastHeader(server, "Authorization"))
                    ? Answer.json(200, "{\"echo\":\"" + expected + "\"}") : Answer.json(401, "{}"));
            server.on("GET", "/public", Answer.empty(200));
            Ran ran = run(yaml, server, SETTINGS, "user:pa55word");
            assertTrue(ran.requests().stream().filter(r -> r.path().equals("/public"))
                    .allMatch(r -> r.header("Authorization") == null), "no credential where none is asked for");
            assertEquals(Outcome.PASSED, ran.outcome("secret", Check.IGNORED_AUTH));
            assertEquals(Outcome.SKIPPED, ran.outcome("open", Check.IGNORED_AUTH));
        }
    }

    private static String lastHeader(ScriptedServer server, String name) {
        List<Request> received = server.received();
        return received.get(received.size() - 1).header(name);
    }

    @Test
    void anAnswerThatNeverComesFailsItsCheckAndTheRunGoesOn() {
        String yaml = """
                openapi: 3.0.3
                info: {title: shape, version: '1'}
                paths:
                  /slow:
                    get:
                      operationId: slow
                      responses: {'200': {description: ok}}
                  /fast:
                    get:
                      operationId: fast
                      responses: {'200': {description: ok}}
                """;
        try (ScriptedServer server = new ScriptedServer()
                .on("GET", "/slow", m -> {
                    try {
                        Thread.sleep(1_500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Answer.empty(200);
                })
                .on("GET", "/fast", Answer.empty(200))) {
            RunSettings quick = new RunSettings(7, 1, false, EnumSet.allOf(Check.class))
                    .withRequestTimeout(Duration.ofMillis(300)).withMaxResponseTime(Duration.ofMillis(200));
            Ran ran = run(yaml, server, quick, "token");
            assertEquals(Outcome.FAILED, ran.outcome("slow", Check.NOT_A_SERVER_ERROR));
            assertTrue(ran.result("slow", Check.NOT_A_SERVER_ERROR).firstReason().contains("no answer within 300 ms"));
            assertEquals(Outcome.FAILED, ran.outcome("slow", Check.MAX_RESPONSE_TIME));
            assertEquals(Outcome.PASSED, ran.outcome("fast", Check.NOT_A_SERVER_ERROR));
            assertEquals(Outcome.PASSED, ran.outcome("fast", Check.MAX_RESPONSE_TIME));
        }
    }

    @Test
    void anInternalErrorOnOneOperationIsAnErrorResultAndTheOthersAreChecked() {
        String yaml = """
                openapi: 3.0.3
                info: {title: shape, version: '1'}
                paths:
                  /a: {get: {operationId: a, responses: {'200': {description: ok}}}}
                  /b: {get: {operationId: b, responses: {'200': {description: ok}}}}
                  /c: {get: {operationId: c, responses: {'200': {description: ok}}}}
                """;
        try (ScriptedServer server = new ScriptedServer().on("GET", "/[abc]", Answer.empty(200))) {
            OpenApiSpec spec = OpenApiSpec.fromBytes("shape", yaml.getBytes(StandardCharsets.UTF_8));
            RunResult result = new ConformanceRun(spec, RunTarget.of(server.url(), null), SETTINGS)
                    .observedBy((name, operationId, status, url) -> {
                        if ("b".equals(operationId)) {
                            throw new IllegalStateException("an observer broke on b");
                        }
                    })
                    .run();
            List<CheckResult> errors = result.errors();
            assertFalse(errors.isEmpty());
            assertTrue(errors.stream().allMatch(r -> r.operationId().equals("b")), errors.toString());
            assertTrue(errors.get(0).skipReason().contains("IllegalStateException: an observer broke on b"),
                    errors.get(0).skipReason());
            for (String fine : List.of("a", "c")) {
                assertEquals(Optional.of(Outcome.PASSED), result.results().stream()
                        .filter(r -> r.operationId().equals(fine) && r.check() == Check.NOT_A_SERVER_ERROR)
                        .map(CheckResult::outcome).findFirst());
            }
        }
    }

    @Test
    void manyValid404sBesideOneSuccessAreNoWrongBaseUrl() {
        // Mollie's stub: the example reads a test-mode record with testmode=true (200); the generated reads, whose
        // testmode is drawn, are 404s. The base URL that served the 200 is right.
        String yaml = """
                openapi: 3.0.3
                info: {title: shape, version: '1'}
                paths:
                  /items/{id}:
                    get:
                      operationId: item
                      parameters: [{name: id, in: path, required: true, schema: {type: string}, example: known}]
                      responses:
                        '200': {description: ok}
                        '404': {description: none}
                """;
        try (ScriptedServer server = new ScriptedServer()) {
            server.on("GET", "/items/known", Answer.empty(200));
            Ran ran = run(yaml, server);
            assertTrue(ran.requests().size() > 5, ran.requests().toString());
            assertTrue(ran.result().notes().stream().noneMatch(note -> note.contains("base URL")),
                    ran.result().notes().toString());
        }
    }

    @Test
    void aBaseUrlWhereEverythingIs404SaysSo() {
        String yaml = """
                openapi: 3.0.3
                info: {title: shape, version: '1'}
                servers: [{url: 'https://api.example.com/v3'}]
                paths:
                  /a: {get: {operationId: a, responses: {'200': {description: ok}}}}
                  /b: {get: {operationId: b, responses: {'200': {description: ok}}}}
                """;
        try (ScriptedServer server = new ScriptedServer()) {
            Ran ran = run(yaml, server);
            assertTrue(ran.result().notes().stream().anyMatch(note -> note.contains("the base URL is probably wrong")
                    && note.contains("ends in /v3")), ran.result().notes().toString());
        }
    }
}
