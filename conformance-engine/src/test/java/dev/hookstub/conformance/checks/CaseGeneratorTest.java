package dev.hookstub.conformance.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.Operation;
import dev.hookstub.openapi.RequestValidator;
import dev.hookstub.openapi.Violation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The generator is honest (valid means valid, invalid means invalid, per the validator) and reproducible. */
class CaseGeneratorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<RequestCase> allCases(OpenApiSpec spec, Operation operation, long seed) {
        CaseGenerator generator = new CaseGenerator(spec, operation, Optional.empty(), new Random(seed));
        List<RequestCase> cases = new ArrayList<>();
        generator.example().ifPresent(cases::add);
        cases.addAll(generator.generated(8, Set.of()));
        cases.addAll(generator.boundary(cases.get(0), Set.of()));
        cases.addAll(generator.negative(cases.get(0)));
        return cases;
    }

    @ParameterizedTest
    @EnumSource(Preset.class)
    void theSameSeedMakesTheSameRequestsAndAnotherSeedOthers(Preset api) {
        OpenApiSpec spec = api.spec();
        boolean anyDifferent = false;
        for (Operation operation : spec.operations()) {
            List<String> first = allCases(spec, operation, 42).stream().map(RequestCase::identity).toList();
            assertEquals(first, allCases(spec, operation, 42).stream().map(RequestCase::identity).toList());
            anyDifferent |= !first.equals(allCases(spec, operation, 43).stream().map(RequestCase::identity).toList());
        }
        assertTrue(anyDifferent, "a different seed changes some request of " + api.id());
    }

    @ParameterizedTest
    @EnumSource(Preset.class)
    void everyPositiveRequestIsValidAndEveryNegativeOneBreaksTheSpec(Preset api) throws IOException {
        OpenApiSpec spec = api.spec();
        for (Operation operation : spec.operations()) {
            for (RequestCase requestCase : allCases(spec, operation, 7)) {
                boolean valid = isValid(spec, operation, requestCase);
                if (requestCase.kind() == RequestCase.Kind.NEGATIVE || requestCase.kind() == RequestCase.Kind.MISSING_HEADER) {
                    assertFalse(valid, "negative but valid: " + requestCase);
                } else {
                    assertTrue(valid, "positive but invalid: " + requestCase);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Preset.class)
    void theExampleRequestReadsTheSpecsExampleRecord(Preset api) {
        OpenApiSpec spec = api.spec();
        Operation read = spec.operations().stream().filter(op -> op.httpMethod().equals("GET")).findFirst().orElseThrow();
        RequestCase example = new CaseGenerator(spec, read, Optional.empty(), new Random(1)).example().orElseThrow();
        Map<Preset, String> seededIds = Map.of(Preset.MIJNKLANTPORTAAL, "wbh_abc12345def678",
                Preset.EQUALSMONEY, "da91434a-4026-42ea-84b8-d0317b64af9c", Preset.PARTOO, "1",
                Preset.MOLLIE, "hook_B2EyhTH5N4KWUnoYPcgiH");
        assertEquals(List.of(seededIds.get(api)),
                example.pathParams().values().stream().map(JsonNode::asText).toList());
        // Mollie's example record is a test-mode one, found only with testmode=true.
        assertEquals(api == Preset.MOLLIE ? Map.of("testmode", com.fasterxml.jackson.databind.node.BooleanNode.TRUE)
                : Map.of(), example.queryParams());
    }

    @ParameterizedTest
    @EnumSource(Preset.class)
    void anInvalidCredentialHasTheShapeButNotTheValueOfTheRealOne(Preset api) {
        String real = "access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM";
        String invalid = ConformanceRun.invalidVariantOf(real, new Random(api.ordinal()));
        assertNotEquals(real, invalid);
        assertEquals(real.length(), invalid.length());
        assertTrue(invalid.startsWith("access_d"), invalid);
    }

    /** Held to the spec as it goes on the wire, by the core's request validator (credentials are not its business). */
    private static boolean isValid(OpenApiSpec spec, Operation operation, RequestCase requestCase) {
        HttpWire wire = new HttpWire(spec, "http://127.0.0.1:1", new HttpWire.Credentials("secret", "wrong", null),
                new Masking(spec, List.of("secret")), java.time.Duration.ofSeconds(1));
        HttpWire.WrittenRequest written = wire.write(requestCase);
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        written.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        List<Violation> violations = new RequestValidator(spec).validate(operation, new RequestValidator.WireRequest(
                written.path(), written.query(), headers, written.body() == null ? null : written.body().text()));
        return violations.isEmpty();
    }

    @org.junit.jupiter.api.Test
    void anEnumInTheBodyIsBothGeneratedFromAndBrokenOnPurpose() {
        JsonNode document = Preset.MIJNKLANTPORTAAL.spec().document();
        com.fasterxml.jackson.databind.node.ObjectNode type = (com.fasterxml.jackson.databind.node.ObjectNode)
                document.at("/paths/~1webhooks/post/requestBody/content/application~1json/schema/properties/type");
        type.putArray("enum").add("invoice-paid").add("ticket-created");
        OpenApiSpec spec = OpenApiSpec.fromDocument(Preset.MIJNKLANTPORTAAL.id(), document);
        Operation create = spec.operation("create-webhook");
        CaseGenerator generator = new CaseGenerator(spec, create, Optional.empty(), new Random(3));
        RequestCase example = generator.example().orElseThrow();
        List<RequestCase> negative = generator.negative(example);
        RequestCase notListed = negative.stream()
                .filter(c -> c.description().equals("body: member 'type' not in its enum")).findFirst().orElseThrow();
        assertTrue(notListed.body().text().contains("conformance-not-in-enum"), notListed.body().text());
        for (RequestCase generated : generator.generated(6, Set.of())) {
            assertTrue(generated.body().text().contains("invoice-paid") || generated.body().text().contains("ticket-created"),
                    generated.body().text());
        }
    }

    /** Petstore's findByStatus: a required exploded array drawn empty is no parameter at all, so never valid. */
    @org.junit.jupiter.api.Test
    void aRequiredArrayParameterIsNeverSentEmpty() {
        OpenApiSpec spec = OpenApiSpec.fromBytes("arrays", """
                openapi: 3.0.3
                info: {title: arrays, version: '1'}
                paths:
                  /pet/findByStatus:
                    get:
                      operationId: findPetsByStatus
                      parameters:
                        - {name: status, in: query, required: true, explode: true,
                           schema: {type: array, items: {type: string, enum: [available, pending, sold]}}}
                      responses: {'200': {description: ok}}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Operation operation = spec.operations().get(0);
        for (long seed = 0; seed < 20; seed++) {
            CaseGenerator generator = new CaseGenerator(spec, operation, Optional.empty(), new Random(seed));
            List<RequestCase> valid = new ArrayList<>();
            generator.example().ifPresent(valid::add);
            valid.addAll(generator.generated(8, Set.of()));
            assertFalse(valid.isEmpty(), "seed " + seed);
            for (RequestCase requestCase : valid) {
                JsonNode status = requestCase.queryParams().get("status");
                assertTrue(status != null && status.isArray() && !status.isEmpty(), "seed " + seed + ": " + status);
            }
        }
    }

    /**
     * The example request is named for where its values came from: a document without examples (Scalar's Galaxy's
     * createPlanet) gets generated ones, and a report calling them "the spec's example" would send a reader looking
     * for an example that is not there.
     */
    @org.junit.jupiter.api.Test
    void theExampleRequestSaysTheSpecsExampleOnlyWhenItTookOne() {
        String document = """
                openapi: 3.1.0
                info: {title: planets, version: '1'}
                paths:
                  /planets:
                    post:
                      operationId: createPlanet
                      requestBody:
                        required: true
                        content:
                          application/json:
                            schema: {type: object, required: [name], properties: {name: {type: string}}%s}
                      responses: {'201': {description: created}}
                  /planets/{planetId}:
                    get:
                      operationId: getPlanet
                      parameters:
                        - {name: planetId, in: path, required: true, schema: {type: integer}%s}
                      responses: {'200': {description: ok}}
                """;
        OpenApiSpec without = OpenApiSpec.fromBytes("planets", document.formatted("", "")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        OpenApiSpec with = OpenApiSpec.fromBytes("planets", document.formatted(
                ", example: {name: Mars}", ", example: 4")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("required values and a body made from the schema (the spec gives no valid example)",
                exampleOf(without, "createPlanet").description());
        assertEquals("required values only", exampleOf(without, "getPlanet").description());
        OpenApiSpec broken = OpenApiSpec.fromBytes("planets", document.formatted(", example: {name: 5}", "")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("required values and a body made from the schema (the spec gives no valid example)",
                exampleOf(broken, "createPlanet").description(), "an example that breaks its schema is dropped");
        RequestCase created = exampleOf(with, "createPlanet");
        assertEquals("the spec's example", created.description());
        assertEquals("{\"name\":\"Mars\"}", created.body().text());
        RequestCase read = exampleOf(with, "getPlanet");
        assertEquals("the spec's example", read.description());
        assertEquals(4, read.pathParams().get("planetId").asInt());
    }

    private static RequestCase exampleOf(OpenApiSpec spec, String operationId) {
        return new CaseGenerator(spec, spec.operation(operationId), Optional.empty(), new Random(1)).example()
                .orElseThrow();
    }

    /**
     * Members of object and array parameters are broken as scalars are (a bound, an enum, a format, a required
     * member left out), in every style they go on the wire in, and each such request breaks the spec as the
     * validator reads it from the wire.
     */
    @org.junit.jupiter.api.Test
    void membersOfObjectAndArrayParametersAreBrokenAndEachBreaksTheSpecOnTheWire() {
        OpenApiSpec spec = OpenApiSpec.fromBytes("composite", """
                openapi: 3.0.3
                info: {title: composite, version: '1'}
                paths:
                  /colors/{rgb}:
                    get:
                      operationId: findColors
                      parameters:
                        - name: rgb
                          in: path
                          required: true
                          style: label
                          explode: true
                          schema:
                            type: object
                            required: [R, G]
                            properties: {R: {type: integer, minimum: 0, maximum: 255}, G: {type: integer, minimum: 0, maximum: 255}}
                        - name: filter
                          in: query
                          required: true
                          style: deepObject
                          schema:
                            type: object
                            required: [status]
                            properties:
                              status: {type: string, enum: [open, closed]}
                              since: {type: string, format: date}
                        - name: ids
                          in: query
                          required: true
                          style: form
                          explode: false
                          schema: {type: array, minItems: 1, items: {type: integer, minimum: 1}}
                      responses: {'200': {description: ok}}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Operation operation = spec.operations().get(0);
        for (long seed = 0; seed < 5; seed++) {
            CaseGenerator generator = new CaseGenerator(spec, operation, Optional.empty(), new Random(seed));
            RequestCase example = generator.example().orElseThrow();
            assertTrue(isValid(spec, operation, example), example.toString());
            List<RequestCase> negative = generator.negative(example);
            List<String> named = negative.stream().map(RequestCase::description).toList();
            for (String expected : List.of("path parameter rgb: member 'R' above maximum",
                    "path parameter rgb: required member 'G' missing",
                    "query parameter filter: member 'status' not in enum",
                    "query parameter ids: an item below minimum")) {
                assertTrue(named.contains(expected), "seed " + seed + ": " + named);
            }
            for (RequestCase broken : negative) {
                assertFalse(isValid(spec, operation, broken), "negative but valid: " + broken);
            }
        }
    }

    /**
     * What a server may read as valid is never sent as invalid: a bound on a type list that holds string ("1" is a
     * string, and bounds do not apply to strings), and an exploded object whose schema takes {} left out (nothing on
     * the wire is that {}). Both were FAILs against Prism with --errors, which was right (an outside run).
     */
    @org.junit.jupiter.api.Test
    void noNegativeRequestIsOneAServerMayReadAsValid() {
        OpenApiSpec spec = OpenApiSpec.fromBytes("lenient", """
                openapi: 3.1.0
                info: {title: lenient, version: '1'}
                paths:
                  /things:
                    get:
                      operationId: things
                      parameters:
                        - {name: v, in: query, required: true, schema: {type: [integer, string], minimum: 2}}
                        - {name: a, in: query, required: true, schema: {type: array, items: {type: [integer, string], maximum: 3}}}
                        - {name: o, in: query, required: true, style: deepObject, schema: {type: object, properties: {k: {type: string}}}}
                        - {name: r, in: query, required: true, style: deepObject, schema: {type: object, required: [k], properties: {k: {type: string}}}}
                        - {name: n, in: query, required: true, schema: {type: integer, minimum: 2}}
                      responses: {'200': {description: ok}}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Operation operation = spec.operations().get(0);
        CaseGenerator generator = new CaseGenerator(spec, operation, Optional.empty(), new Random(7));
        List<String> named = generator.negative(generator.example().orElseThrow()).stream()
                .map(RequestCase::description).toList();
        for (String valid : List.of("query parameter v: below minimum", "query parameter v: not a number",
                "query parameter a: an item above maximum", "required query parameter o missing")) {
            assertFalse(named.contains(valid), valid + " in " + named);
        }
        for (String invalid : List.of("query parameter n: below minimum", "query parameter n: not a number",
                "required query parameter r missing")) {
            assertTrue(named.contains(invalid), invalid + " not in " + named);
        }
    }

    /**
     * A header's simple style has no escape for ',' and '=': a member value holding one read back as other members
     * (an outside run sent "p: s=,cc" as valid), so no valid request carries one, and each is valid as read.
     */
    @org.junit.jupiter.api.Test
    void aHeaderObjectIsNeverSentWithMembersItsStyleCannotSeparate() {
        OpenApiSpec spec = OpenApiSpec.fromBytes("headers", """
                openapi: 3.0.3
                info: {title: headers, version: '1'}
                paths:
                  /h:
                    get:
                      operationId: h
                      parameters:
                        - name: p
                          in: header
                          required: true
                          explode: true
                          schema: {type: object, required: [s], properties: {s: {type: string, pattern: '^[a-c,=;.&|]{3}$'}}}
                        - {name: q, in: header, required: true, schema: {type: array, items: {type: string, pattern: '^[a,=]{2}$'}}}
                      responses: {'200': {description: ok}}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Operation operation = spec.operations().get(0);
        int checked = 0;
        for (long seed = 0; seed < 10; seed++) {
            CaseGenerator generator = new CaseGenerator(spec, operation, Optional.empty(), new Random(seed));
            List<RequestCase> valid = new ArrayList<>();
            generator.example().ifPresent(valid::add);
            valid.addAll(generator.generated(6, Set.of()));
            for (RequestCase requestCase : valid) {
                assertTrue(isValid(spec, operation, requestCase), "seed " + seed + ": " + requestCase);
                checked++;
            }
        }
        assertTrue(checked > 0, "some valid request was made");
    }
}
