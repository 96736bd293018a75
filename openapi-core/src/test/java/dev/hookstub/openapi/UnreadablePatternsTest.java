package dev.hookstub.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The patterns no engine here reads are found where they are, and only those: not data, not readable ones. */
class UnreadablePatternsTest {

    @Test
    void eachUnreadablePatternIsFoundByWhereItIsAndDataIsNotTakenForASchema() {
        OpenApiSpec spec = OpenApiSpec.fromBytes("patterns", """
                openapi: 3.1.0
                info: {title: patterns, version: '1'}
                paths:
                  /things/{id}:
                    get:
                      parameters:
                        - {name: id, in: path, required: true, schema: {type: string, pattern: '^[a-z'}}
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/Thing'}
                              example: {pattern: '(unclosed'}
                components:
                  schemas:
                    Thing:
                      type: object
                      properties:
                        example: {type: string, pattern: '\\p{NoSuchProperty}'}
                        pattern: {type: string, pattern: '^{[0-9a-f]{8}}$'}
                        code: {type: string, pattern: '^[A-Z]{3}$', examples: [{pattern: '('}]}
                """.getBytes(StandardCharsets.UTF_8));
        Map<String, String> found = UnreadablePatterns.in(spec);
        assertEquals(java.util.List.of("/paths/~1things~1{id}/get/parameters/0/schema/pattern",
                "/components/schemas/Thing/properties/example/pattern"), java.util.List.copyOf(found.keySet()), found.toString());
        String line = UnreadablePatterns.described(spec, "/paths/~1things~1{id}/get/parameters/0/schema/pattern",
                found.get("/paths/~1things~1{id}/get/parameters/0/schema/pattern"));
        assertTrue(line.startsWith("The spec's pattern ^[a-z at #/paths/~1things~1{id}/get/parameters/0/schema/pattern"
                + " cannot be read ("), line);
        assertTrue(line.endsWith("): no value is held to it, and none is made for it."), line);
    }

    @Test
    void theShippedDocumentsHaveNone() {
        for (ShippedSpec shipped : ShippedSpec.values()) {
            assertEquals(Map.of(), UnreadablePatterns.in(shipped.spec()), shipped.name());
        }
    }
}
