package dev.hookstub.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenApiSpecTest {

    /** method, template, operationId and statuses, the way a reader of the spec lists them. */
    private static List<String> summary(ShippedSpec api) {
        return api.spec().operations().stream()
                .map(op -> op.httpMethod() + " " + op.pathTemplate() + " " + op.operationId() + " " + op.responseStatuses())
                .toList();
    }

    @Test
    void enumeratesExactlyTheDeclaredOperationsWithTheirStatuses() {
        assertEquals(List.of(
                "POST /webhooks create-webhook [201, 422]",
                "GET /webhooks/{webhookId} get-webhook [200, 404]"), summary(ShippedSpec.MIJNKLANTPORTAAL));
        assertEquals(List.of("GET /webhooks/{webhookId} findOneWebhook [200]"), summary(ShippedSpec.EQUALSMONEY));
        assertEquals(List.of("GET /webhooks/{webhook_id} getWebhook [200, 401, 403, 404]"), summary(ShippedSpec.PARTOO));
        assertEquals(List.of("GET /v2/webhooks/{webhookId} get-webhook [200, 404, 422]"), summary(ShippedSpec.MOLLIE));
    }

    @Test
    void aSpecUnderAnotherNameSharesWhatWasParsedAndCompiled() {
        OpenApiSpec file = OpenApiSpec.fromClasspath("partoo.yaml", "openapi/partoo.yaml");
        OpenApiSpec preset = file.named("partoo");
        assertEquals("partoo", preset.name());
        assertEquals("partoo.yaml", file.name(), "the original keeps its name");
        assertEquals("partoo", preset.operation("getWebhook").spec());
        assertEquals("partoo", preset.findOperation("GET", "/webhooks/7").orElseThrow().spec());
        assertEquals(file.operations().size(), preset.operations().size());
        assertSame(file.schemas(), preset.schemas(), "compiled once");
        assertSame(file.schemas(), preset.named("again").schemas());
        assertSame(file, file.named("partoo.yaml"));
    }

    @ParameterizedTest
    @CsvSource({"MIJNKLANTPORTAAL, /v1", "EQUALSMONEY, /v2", "PARTOO, /v2", "MOLLIE, ''"})
    void serverBasePathIsThePathOfTheFirstServerUrl(ShippedSpec api, String expected) {
        assertEquals(expected, api.spec().serverBasePath());
    }

    @Test
    void partooResponseRefsResolveToComponentsResponses() {
        OpenApiSpec partoo = ShippedSpec.PARTOO.spec();
        Operation getWebhook = partoo.operation("getWebhook");
        for (String status : List.of("401", "403", "404")) {
            assertEquals(List.of("application/json"), partoo.contentTypes(getWebhook, status));
            String pointer = partoo.responseSchemaPointer(getWebhook, status, "application/json").orElseThrow();
            assertEquals("/components/responses/" + status + "/content/application~1json/schema", pointer);
            assertTrue(partoo.at(pointer).path("properties").has("errors"), pointer);
        }
        assertEquals(Optional.of("/paths/~1webhooks~1{webhook_id}/get/responses/200/content/application~1json/schema"),
                partoo.responseSchemaPointer(getWebhook, "200", "application/json"));
        assertEquals(Optional.empty(), partoo.responseSchemaPointer(getWebhook, "200", "text/html"));
    }

    @Test
    void partooParameterRefsResolveToComponentsParameters() {
        assertEquals(List.of(
                        "webhook_id path required /components/parameters/webhook_id/schema simple at /components/parameters/webhook_id",
                        "org_id query optional /components/parameters/org_id/schema form exploded at /components/parameters/org_id"),
                described(ShippedSpec.PARTOO.spec().operation("getWebhook").parameters()));
    }

    @Test
    void pathLevelAndOperationLevelParametersAreMerged() {
        assertEquals(List.of(
                        "webhookId path required /paths/~1v2~1webhooks~1{webhookId}/parameters/0/schema simple"
                                + " at /paths/~1v2~1webhooks~1{webhookId}/parameters/0",
                        "testmode query optional /paths/~1v2~1webhooks~1{webhookId}/get/parameters/0/schema form exploded"
                                + " at /paths/~1v2~1webhooks~1{webhookId}/get/parameters/0"),
                described(ShippedSpec.MOLLIE.spec().operation("get-webhook").parameters()));
    }

    private static List<String> described(List<Parameter> parameters) {
        return parameters.stream().map(p -> p.name() + " " + p.in() + " " + (p.required() ? "required" : "optional")
                + " " + p.schemaPointer().orElse("-") + " " + p.style() + (p.explode() ? " exploded" : "")
                + " at " + p.pointer()).toList();
    }

    @Test
    void operationSecurityOverridesRootSecurity() {
        assertEquals(List.of(new SecurityRequirement(Map.of("APIKey", List.of()))),
                ShippedSpec.MIJNKLANTPORTAAL.spec().operation("create-webhook").security(), "inherited from root");
        assertEquals(List.of(new SecurityRequirement(Map.of("CommonAuth", List.of("webhooks:read:own", "webhooks:read:any")))),
                ShippedSpec.EQUALSMONEY.spec().operation("findOneWebhook").security(), "root says none, operation wins");
        assertEquals(List.of(
                        new SecurityRequirement(Map.of("organizationAccessToken", List.of("webhooks.read"))),
                        new SecurityRequirement(Map.of("oAuth", List.of("webhooks.read")))),
                ShippedSpec.MOLLIE.spec().operation("get-webhook").security(), "three root alternatives replaced by two");
    }

    @Test
    void requestBodySchemaPointerOnlyWhereABodyIsDeclared() {
        OpenApiSpec mkp = ShippedSpec.MIJNKLANTPORTAAL.spec();
        assertEquals(Optional.of("/paths/~1webhooks/post/requestBody/content/application~1json/schema"),
                mkp.operation("create-webhook").requestBodySchemaPointer());
        assertEquals(Optional.empty(), mkp.operation("get-webhook").requestBodySchemaPointer());
    }

    @Test
    void findOperationMatchesConcretePathsRelativeToTheServerBasePath() {
        OpenApiSpec mkp = ShippedSpec.MIJNKLANTPORTAAL.spec();
        assertEquals("get-webhook", mkp.findOperation("GET", "/webhooks/wbh_abc").orElseThrow().operationId());
        assertEquals("get-webhook", mkp.findOperation("get", "/webhooks/wbh_abc?expand=x").orElseThrow().operationId());
        assertEquals("create-webhook", mkp.findOperation("POST", "/webhooks").orElseThrow().operationId());
        assertFalse(mkp.findOperation("GET", "/webhooks").isPresent(), "path declared, method not");
        assertFalse(mkp.findOperation("DELETE", "/webhooks/wbh_abc").isPresent());
        assertFalse(mkp.findOperation("GET", "/webhooks/").isPresent(), "empty path parameter");
        assertFalse(mkp.findOperation("GET", "/webhooks/a/b").isPresent());
        assertFalse(mkp.findOperation("GET", "/v1/webhooks/wbh_abc").isPresent(), "base path is not part of it");

        OpenApiSpec mollie = ShippedSpec.MOLLIE.spec();
        assertEquals("get-webhook", mollie.findOperation("GET", "/v2/webhooks/hook_1").orElseThrow().operationId());
        assertFalse(mollie.findOperation("GET", "/webhooks/hook_1").isPresent());
    }

    @Test
    void pathTemplateOfNamesTheTemplateWhateverTheMethod() {
        OpenApiSpec mkp = ShippedSpec.MIJNKLANTPORTAAL.spec();
        assertEquals(Optional.of("/webhooks/{webhookId}"), mkp.pathTemplateOf("/webhooks/wbh_abc"));
        assertEquals(Optional.of("/webhooks/{webhookId}"), mkp.pathTemplateOf("/webhooks/wbh_abc?x=1"),
                "though the spec has no DELETE there, nor a query");
        assertEquals(Optional.of("/webhooks"), mkp.pathTemplateOf("/webhooks"));
        assertEquals(Optional.empty(), mkp.pathTemplateOf("/webhooks/a/b"));
    }

    @Test
    void anOperationIsNamedByItsOperationIdOrItsLabel() {
        OpenApiSpec mkp = ShippedSpec.MIJNKLANTPORTAAL.spec();
        assertEquals("/webhooks", mkp.operationNamed("create-webhook").orElseThrow().pathTemplate());
        assertEquals("create-webhook", mkp.operationNamed("create-webhook").orElseThrow().label());
        assertEquals(Optional.empty(), mkp.operationNamed("delete-webhook"));
    }

    @Test
    void responseKeyPrefersExactThenRangeThenDefault() {
        List<String> declared = List.of("200", "4XX", "404", "default");
        assertEquals(Optional.of("200"), OpenApiSpec.matchingResponseKey(declared, 200));
        assertEquals(Optional.of("404"), OpenApiSpec.matchingResponseKey(declared, 404));
        assertEquals(Optional.of("4XX"), OpenApiSpec.matchingResponseKey(declared, 418));
        assertEquals(Optional.of("default"), OpenApiSpec.matchingResponseKey(declared, 503));
        assertEquals(Optional.of("5xx"), OpenApiSpec.matchingResponseKey(List.of("5xx"), 500));
        assertEquals(Optional.empty(), OpenApiSpec.matchingResponseKey(List.of("200", "404"), 418));
    }

    @Test
    void aSpecBuiltFromAChangedDocumentValidatesAgainstThatDocument() {
        for (ShippedSpec api : ShippedSpec.values()) {
            OpenApiSpec shipped = api.spec();
            Operation read = shipped.operations().stream().filter(op -> op.httpMethod().equals("GET")).findFirst().orElseThrow();
            String contentType = shipped.contentTypes(read, "200").get(0);
            String schemaPointer = shipped.responseSchemaPointer(read, "200", contentType).orElseThrow();
            com.fasterxml.jackson.databind.JsonNode document = api.spec().document();
            com.fasterxml.jackson.databind.node.ObjectNode schema =
                    (com.fasterxml.jackson.databind.node.ObjectNode) document.at(shipped.resolve(schemaPointer));
            schema.withArray("required").add("addedMember");
            OpenApiSpec changed = OpenApiSpec.fromDocument(api.id(), document);

            String body = "{}";
            assertTrue(new ResponseValidator(changed).validate(read, 200, contentType, body).stream()
                    .anyMatch(v -> v.pointer().equals("/addedMember")), api.id());
            assertFalse(new ResponseValidator(shipped).validate(read, 200, contentType, body).stream()
                    .anyMatch(v -> v.pointer().equals("/addedMember")), api.id() + ": the shipped spec is unchanged");
        }
    }
}
