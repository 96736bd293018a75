package dev.hookstub.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A body nested deeper than the JSON Schema library reads (500 levels) is named as such, request and answer alike,
 * and one within it is judged to its deepest member. A request body 600 levels deep passed our own reading (1000)
 * and failed the library's with an exception nobody caught: the proxy answered 500.
 */
class DeepBodiesTest {

    private static final OpenApiSpec SPEC = OpenApiSpec.fromBytes("deep", """
            openapi: 3.0.3
            info: {title: deep, version: '1'}
            paths:
              /trees:
                post:
                  operationId: plant
                  requestBody:
                    required: true
                    content: {application/json: {schema: {$ref: '#/components/schemas/Node'}}}
                  responses:
                    '201':
                      description: planted
                      content: {application/json: {schema: {$ref: '#/components/schemas/Node'}}}
            components:
              schemas:
                Node:
                  type: object
                  properties:
                    name: {type: string}
                    children: {type: array, items: {$ref: '#/components/schemas/Node'}}
            """.getBytes(StandardCharsets.UTF_8));
    private static final Operation PLANT = SPEC.operation("plant");

    /** {@code nodes} nodes one in another (two levels each: the object and its children array), a number as the leaf's name. */
    private static String tree(int nodes) {
        return "{\"children\":[".repeat(nodes) + "{\"name\":5}" + "]}".repeat(nodes);
    }

    private static List<Violation> request(String body) {
        return new RequestValidator(SPEC).validate(PLANT, new RequestValidator.WireRequest("/trees", null,
                Map.of("Content-Type", List.of("application/json")), body));
    }

    @Test
    void aBodyWithinTheDepthIsJudgedToItsDeepestMember() {
        String leaf = "/children/0".repeat(240) + "/name";
        List<Violation> requested = request(tree(240));
        assertEquals(1, requested.size(), requested.toString());
        assertEquals(leaf, requested.get(0).pointer());
        List<Violation> answered = new ResponseValidator(SPEC).validate(PLANT, 201, "application/json", tree(240));
        assertEquals(1, answered.size(), answered.toString());
        assertEquals(leaf, answered.get(0).pointer());
    }

    @Test
    void aBodyDeeperIsNamedAsSuchNotCalledInvalidJsonNorThrown() {
        List<Violation> requested = request(tree(300));
        assertEquals(1, requested.size(), requested.toString());
        assertEquals("the body nests deeper than the 500 levels hookstub reads, so it was not judged",
                requested.get(0).reason());
        List<Violation> answered = new ResponseValidator(SPEC).validate(PLANT, 201, "application/json", tree(300));
        assertEquals(1, answered.size(), answered.toString());
        assertTrue(answered.get(0).reason().startsWith("body nests deeper than the 500 levels"), answered.toString());
    }

    /**
     * A schema that recurses through $ref and oneOf at each level takes many frames a level: an answer 499 levels
     * deep, within what we read, overflowed the stack (check: "the engine could not check this operation"). It is
     * judged on a deep stack instead; here the caller's stack is made small so that the first try overflows.
     */
    @Test
    void aDeepAnswerUnderARecursiveOneOfIsJudgedThoughTheCallersStackIsSmall() throws InterruptedException {
        OpenApiSpec any = OpenApiSpec.fromBytes("any", """
                openapi: 3.1.0
                info: {title: any, version: '1'}
                paths:
                  /any:
                    get:
                      operationId: any
                      responses:
                        '200':
                          description: anything
                          content: {application/json: {schema: {$ref: '#/components/schemas/Any'}}}
                components:
                  schemas:
                    Any:
                      oneOf:
                        - {type: object, additionalProperties: {$ref: '#/components/schemas/Any'}}
                        - {type: array, items: {$ref: '#/components/schemas/Any'}}
                        - {type: [string, number, boolean, 'null']}
                """.getBytes(StandardCharsets.UTF_8));
        String nested = "[".repeat(499) + "1" + "]".repeat(499);
        List<List<Violation>> found = new java.util.ArrayList<>();
        Thread small = new Thread(null, () -> found.add(new ResponseValidator(any).validate(any.operation("any"), 200,
                "application/json", nested)), "small-stack", 256 * 1024);
        small.start();
        small.join();
        assertEquals(List.of(List.of()), found, "judged, and valid");
    }
}
