package dev.hookstub.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A path parameter's object as each style writes it (OpenAPI 3.0.3's style table: {@code color} as R=100, G=200),
 * read back member by member. An exploded label object ({@code .R=100.G=200}) was read as one member,
 * {@code R = "100.G=200"}, and called a wrong type.
 */
class PathStylesTest {

    private static OpenApiSpec spec(String style, boolean explode) {
        return OpenApiSpec.fromBytes("styles", ("""
                openapi: 3.0.3
                info: {title: styles, version: '1'}
                paths:
                  /colors/{color}:
                    get:
                      operationId: paint
                      parameters:
                        - name: color
                          in: path
                          required: true
                          style: %s
                          explode: %s
                          schema:
                            type: object
                            properties: {R: {type: integer}, G: {type: integer}, on: {type: boolean}}
                      responses: {'204': {description: painted}}
                """).formatted(style, explode).getBytes(StandardCharsets.UTF_8));
    }

    private static List<Violation> violations(String style, boolean explode, String written) {
        OpenApiSpec spec = spec(style, explode);
        return new RequestValidator(spec).validate(spec.operation("paint"),
                new RequestValidator.WireRequest("/colors/" + written, null, Map.of(), null));
    }

    @ParameterizedTest(name = "{0}, explode {1}: {2}")
    @CsvSource({
        "simple, false, 'R,100,G,200,on,true'",
        "simple, true, 'R=100,G=200,on=true'",
        "label, false, '.R,100,G,200,on,true'",
        "label, true, '.R=100.G=200.on=true'",
        "matrix, false, ';color=R,100,G,200,on,true'",
        "matrix, true, ';R=100;G=200;on=true'"})
    void anObjectIsReadMemberByMemberAsItsStyleWritesIt(String style, boolean explode, String written) {
        assertEquals(List.of(), violations(style, explode, written));
    }

    @ParameterizedTest(name = "{0}, explode {1}: {2}")
    @CsvSource({
        "label, true, '.R=100.G=red'",
        "matrix, true, ';R=100;G=red'",
        "simple, true, 'R=100,G=red'"})
    void aMemberOfTheWrongTypeIsNamed(String style, boolean explode, String written) {
        List<Violation> found = violations(style, explode, written);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).reason().contains("string found, integer expected"), found.toString());
        assertTrue(found.get(0).reason().contains("\"G\":\"red\"") || found.get(0).pointer().contains("G"),
                found.toString());
    }
}
