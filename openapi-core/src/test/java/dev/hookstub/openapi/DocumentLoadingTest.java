package dev.hookstub.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A document that cannot be read says why in one line of plain words; one that can is read once, refs resolved. */
class DocumentLoadingTest {

    @TempDir
    Path dir;

    private String failureOf(String fileName, byte[] content) throws IOException {
        Path file = Files.write(dir.resolve(fileName), content);
        SpecLoadException failure = assertThrows(SpecLoadException.class, () -> OpenApiSpec.load(file.toString()));
        assertEquals(1, failure.getMessage().lines().count(), "one line: " + failure.getMessage());
        assertFalse(failure.getMessage().matches(".*(Exception|\\bnull\\b).*"), "no Java internals: " + failure.getMessage());
        return failure.getMessage();
    }

    private String failureOf(String fileName, String content) throws IOException {
        return failureOf(fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void brokenYamlNamesTheLineAndColumn() throws IOException {
        String message = failureOf("broken.yaml", "openapi: 3.1.0\ninfo:\n  title: t\n  version: [1\npaths: {}\n");
        assertTrue(message.startsWith(dir.resolve("broken.yaml") + " is not valid YAML at line "), message);
    }

    /** Jackson's YAML tree reads an alias as its anchor's name: a shared parameter list became the string "ids". */
    @Test
    void aliasesAndMergeKeysStandForWhatTheirAnchorsName() throws IOException {
        Path file = Files.writeString(dir.resolve("aliases.yaml"), """
                openapi: 3.0.3
                info: {title: aliases, version: '1'}
                paths:
                  /a/{id}:
                    get:
                      operationId: getA
                      parameters: &ids
                        - {name: id, in: path, required: true, schema: &count {type: integer, minimum: 1}}
                      responses: &ok
                        '200': {description: ok, content: {application/json: {schema: *count}}}
                  /b/{id}:
                    get:
                      operationId: getB
                      parameters: *ids
                      responses:
                        <<: *ok
                        '404': {description: none}
                """);
        OpenApiSpec spec = OpenApiSpec.load(file.toString());
        assertEquals(spec.node("/paths/~1a~1{id}/get/parameters"), spec.node("/paths/~1b~1{id}/get/parameters"));
        assertEquals("integer", spec.node("/paths/~1b~1{id}/get/parameters/0/schema/type").asText());
        assertEquals("integer", spec.node("/paths/~1a~1{id}/get/responses/200/content/application~1json/schema/type")
                .asText());
        assertEquals(List.of("200", "404"), spec.operation("getB").responseStatuses().stream().sorted().toList());
        assertEquals(1, spec.operation("getB").parameters("path").size());
        String unknown = failureOf("unknown.yaml", "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: *nowhere\n");
        assertTrue(unknown.contains("is not valid YAML") && unknown.contains("the alias *nowhere names no anchor"),
                unknown);
    }

    @Test
    void brokenJsonNamesTheLineAndColumn() throws IOException {
        String message = failureOf("broken.json", "{\n  \"openapi\": \"3.1.0\",\n  \"info\": {,\n}");
        assertTrue(message.contains("is not valid JSON at line 3, column"), message);
    }

    @Test
    void swaggerTwoIsNamedAsSuch() throws IOException {
        String message = failureOf("old.json", "{\"swagger\": \"2.0\", \"info\": {}, \"paths\": {}}");
        assertTrue(message.contains("is a Swagger 2.0 document; hookstub reads OpenAPI 3.0 and 3.1"), message);
    }

    @Test
    void aDocumentWithoutAVersionIsNotOpenApi() throws IOException {
        String message = failureOf("x.yaml", "title: not a spec\n");
        assertTrue(message.endsWith("is not an OpenAPI document: it has no 'openapi' version field"), message);
    }

    @Test
    void textThatIsNotUtf8SaysWhere() throws IOException {
        byte[] latin1 = "openapi: 3.1.0\ninfo: {title: caf\u00e9, version: '1'}\npaths: {}\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        String message = failureOf("latin1.yaml", latin1);
        int offset = "openapi: 3.1.0\ninfo: {title: caf".length();
        assertTrue(message.contains("is not UTF-8 text: invalid byte at offset " + offset + " (byte 0xE9), line 2"),
                message);
    }

    @Test
    void anUnresolvableRefIsNamedWithWhereItIs() throws IOException {
        String message = failureOf("refs.yaml", """
                openapi: 3.1.0
                info: {title: t, version: '1'}
                paths:
                  /a:
                    get:
                      responses:
                        '200':
                          description: ok
                          content: {application/json: {schema: {$ref: '#/components/schemas/Nowhere'}}}
                """);
        assertTrue(message.contains("a $ref does not resolve: '#/components/schemas/Nowhere' at "
                + "#/paths/~1a/get/responses/200/content/application~1json/schema"), message);
    }

    @Test
    void anExternalRefAsksForABundledDocument() throws IOException {
        String message = failureOf("external.yaml", """
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /a: {$ref: 'paths/a.yaml'}
                """);
        assertTrue(message.contains("'paths/a.yaml' at #/paths/~1a (it points outside this document"), message);
        assertTrue(message.contains("bundle the document first"), message);
    }

    @Test
    void aRefInsideAnExampleIsDataNotAReference() throws IOException {
        Path file = Files.writeString(dir.resolve("example.yaml"), """
                openapi: 3.1.0
                info: {title: t, version: '1'}
                paths:
                  /a:
                    get:
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema: {type: object}
                              example: {$ref: 'not/a/reference'}
                """);
        assertEquals(1, OpenApiSpec.load(file.toString()).operations().size());
    }

    @Test
    void aMissingFileADirectoryAndAnUnreachableUrlSayWhat() throws IOException {
        SpecLoadException missing = assertThrows(SpecLoadException.class,
                () -> OpenApiSpec.load(dir.resolve("nope.yaml").toString()));
        assertEquals("cannot read " + dir.resolve("nope.yaml") + ": no such file", missing.getMessage());
        SpecLoadException folder = assertThrows(SpecLoadException.class, () -> OpenApiSpec.load(dir.toString()));
        assertTrue(folder.getMessage().endsWith("it is a directory, not a spec file"), folder.getMessage());
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closed + "/x.yaml";
        SpecLoadException refused = assertThrows(SpecLoadException.class, () -> OpenApiSpec.load(url));
        assertEquals("cannot read " + url + ": connection refused", refused.getMessage());
    }

    @Test
    void aUrlThatAnswersAnErrorSaysTheStatus() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/spec.yaml";
            SpecLoadException failure = assertThrows(SpecLoadException.class, () -> OpenApiSpec.load(url));
            assertEquals("cannot read " + url + ": the server answered HTTP 404", failure.getMessage());
        } finally {
            server.stop(0);
        }
    }

    /** Scalar's Galaxy writes schemas with an $id beside a $ref into #/components, meaning the document. */
    @Test
    void aRefBesideAnIdResolvesInTheDocumentAndValidates() throws IOException {
        OpenApiSpec spec = OpenApiSpec.fromBytes("galaxy-like", """
                {
                  "openapi": "3.1.1",
                  "info": {"title": "t", "version": "1"},
                  "paths": {
                    "/planets": {"get": {"responses": {"200": {"description": "ok", "content": {"application/json": {
                      "schema": {
                        "$id": "https://example.com/schemas/PaginatedPlanets",
                        "$defs": {"itemType": {"$dynamicAnchor": "itemType", "$ref": "#/components/schemas/Planet"}},
                        "$ref": "#/components/schemas/Paginated"}}}}}}}
                  },
                  "components": {"schemas": {
                    "Planet": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}},
                    "Paginated": {
                      "$id": "https://example.com/schemas/Paginated",
                      "$defs": {"itemType": {"$dynamicAnchor": "itemType", "not": {}}},
                      "type": "object",
                      "properties": {"data": {"type": "array", "items": {"$dynamicRef": "#itemType"}}}}
                  }}
                }
                """.getBytes(StandardCharsets.UTF_8));
        Operation list = spec.operations().get(0);
        ResponseValidator validator = new ResponseValidator(spec);
        assertEquals(List.of(), validator.validate(list, 200, "application/json", "{\"data\":[{\"name\":\"Mars\"}]}"));
        assertFalse(validator.validate(list, 200, "application/json", "{\"data\":[{\"size\":3}]}").isEmpty(),
                "the item type bound by the dynamic anchor is enforced");
    }

    /** Each location is a sub-schema of one compiled document, and compiled once. */
    @Test
    void aSchemaIsCompiledOncePerLocation() {
        OpenApiSpec spec = ShippedSpec.MIJNKLANTPORTAAL.spec();
        Operation read = spec.operation("get-webhook");
        String pointer = spec.responseSchemaPointer(read, "200", spec.contentTypes(read, "200").get(0)).orElseThrow();
        assertTrue(spec.schemas().at(pointer) == spec.schemas().at(pointer));
    }
}
