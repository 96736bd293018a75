package dev.hookstub.openapi.diff;

import static dev.hookstub.openapi.diff.Documents.api;
import static dev.hookstub.openapi.diff.Documents.diff;
import static dev.hookstub.openapi.diff.Documents.requestSchema;
import static dev.hookstub.openapi.diff.Documents.responseSchema;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the comparison walks documents: paths, references, allOf, directions. */
class SpecDiffTest {

    private static final String PET_BY_ID = """
            {'/pets/{%s}': {get: {parameters: [{name: %s, in: path, required: true, schema: {type: %s}}],
              responses: {'200': {description: ok}}}}}""";

    private static List<String> found(DiffReport report) {
        return report.changes().stream().map(change -> change.rule().id() + " " + change.pointer()).toList();
    }

    /** Webhooks and callbacks are not compared: where they differ, the report says so instead of "No changes." */
    @Test
    void changedWebhooksOrCallbacksAreSaidNotToBeCompared() {
        String hook = "webhooks:\n  paid: {post: {requestBody: {content: {application/json: {schema: {type: object, "
                + "properties: {id: {type: %s}}}}}}, responses: {'200': {description: ok}}}}";
        DiffReport same = diff(api("3.1.0", "{}", hook.formatted("integer")), api("3.1.0", "{}", hook.formatted("integer")));
        assertEquals(List.of(), same.notCompared());
        DiffReport webhooks = diff(api("3.1.0", "{}", hook.formatted("integer")), api("3.1.0", "{}", hook.formatted("string")));
        assertEquals(List.of("The webhooks differ (1 before, 1 after) and are not compared: read their changes in the "
                + "documents."), webhooks.notCompared());
        assertEquals(true, TextReport.render(webhooks).contains("No changes in what is compared.\nThe webhooks differ"),
                TextReport.render(webhooks));
        String callback = "{/subscribe: {post: {callbacks: {onEvent: {'{$request.body#/url}': {post: {responses: "
                + "{'%s': {description: ok}}}}}}, responses: {'201': {description: ok}}}}}";
        DiffReport callbacks = diff(api(callback.formatted("200")), api(callback.formatted("204")));
        assertEquals(List.of("The callbacks of POST /subscribe differ and are not compared: read their changes in the "
                + "documents."), callbacks.notCompared());
        assertEquals(List.of(), diff(api(callback.formatted("200")), api(callback.formatted("200"))).notCompared());
    }

    /** 3.1's nullable idiom says what 3.0's nullable says: no change either way, and losing it is one. */
    @Test
    void anAnyOfOfASchemaAndNullIsThatSchemaNullable() {
        String nullable30 = "{type: object, properties: {note: {type: string, nullable: true}}}";
        String nullable31 = "{type: object, properties: {note: {anyOf: [{type: string}, {type: 'null'}]}}}";
        String oneOf31 = "{type: object, properties: {note: {oneOf: [{type: 'null'}, {type: string}]}}}";
        assertEquals(List.of(), found(diff(requestSchema("3.0.3", nullable30), requestSchema("3.1.0", nullable31))));
        assertEquals(List.of(), found(diff(requestSchema("3.1.0", nullable31), requestSchema("3.1.0", oneOf31))));
        assertEquals(List.of(), found(diff(responseSchema("3.0.3", nullable30), responseSchema("3.1.0", nullable31))));
        assertEquals(List.of("request-became-not-nullable /paths/~1pets/post/requestBody/content/application~1json/"
                        + "schema/properties/note"),
                found(diff(requestSchema("3.1.0", nullable31), requestSchema("3.1.0",
                        "{type: object, properties: {note: {type: string}}}"))));
    }

    @Test
    void aPathParameterRenamedWithNothingElseChangedIsNoChange() {
        DiffReport report = diff(api(PET_BY_ID.formatted("petId", "petId", "string")),
                api(PET_BY_ID.formatted("id", "id", "string")));
        assertEquals(List.of(), report.changes());
    }

    @Test
    void aRenamedPathParameterIsStillComparedByItsPlace() {
        DiffReport report = diff(api(PET_BY_ID.formatted("petId", "petId", "string")),
                api(PET_BY_ID.formatted("id", "id", "integer")));
        assertEquals(List.of("request-type-changed /paths/~1pets~1{id}/get/parameters/0/schema/type"), found(report));
        assertEquals(List.of("GET /pets/{id}"), report.changes().get(0).operations());
    }

    @Test
    void aRecursiveSchemaIsComparedOnceAndItsChangeFound() {
        String tree = """
                openapi: 3.1.0
                info: {title: Trees, version: '1'}
                paths: {/trees: {get: {responses: {'200': {description: ok, content: {application/json: {schema:
                  {$ref: '#/components/schemas/Node'}}}}}}}}
                components:
                  schemas:
                    Node: {type: object, properties: {children: {type: array, items: {$ref: '#/components/schemas/Node'}},
                      kind: {type: string, enum: %s}}}
                """;
        DiffReport report = diff(tree.formatted("[leaf]"), tree.formatted("[leaf, branch]"));
        assertEquals(List.of("response-enum-value-added /components/schemas/Node/properties/kind/enum"), found(report));
    }

    @Test
    void aChangeInASharedComponentIsOneEntryNamingEveryOperationThatReachesIt() {
        String shared = """
                openapi: 3.0.3
                info: {title: Pets, version: '1'}
                paths:
                  /pets: {get: {responses: {'200': {description: ok, content: {application/json: {schema:
                    {type: array, items: {$ref: '#/components/schemas/Pet'}}}}}}}}
                  '/pets/{id}': {get: {parameters: [{name: id, in: path, required: true, schema: {type: string}}],
                    responses: {'200': {description: ok, content: {application/json: {schema:
                    {$ref: '#/components/schemas/Pet'}}}}}}}
                components:
                  schemas:
                    Pet: {type: object, properties: {status: {type: string, enum: %s}}}
                """;
        DiffReport report = diff(shared.formatted("[available]"), shared.formatted("[available, sold]"));
        assertEquals(1, report.changes().size(), report.changes().toString());
        assertEquals(List.of("GET /pets", "GET /pets/{id}"), report.changes().get(0).operations());
    }

    @Test
    void allOfMembersAreMergedAndTheChangeIsFoundWhereTheMemberDeclaresIt() {
        String composed = """
                openapi: 3.1.0
                info: {title: Pets, version: '1'}
                paths: {/pets: {get: {responses: {'200': {description: ok, content: {application/json: {schema:
                  {allOf: [{$ref: '#/components/schemas/Named'}, {type: object, properties: {age: {type: integer}}}]}}}}}}}}
                components:
                  schemas:
                    Named: {type: object, required: %s, properties: {name: {type: string}}}
                """;
        DiffReport report = diff(composed.formatted("[name]"), composed.formatted("[]"));
        assertEquals(List.of("response-property-became-optional /components/schemas/Named/properties/name"),
                found(report));
    }

    @Test
    void theSameChangeBreaksClientsInARequestAndNobodyInAResponse() {
        String before = "{type: object, properties: {name: {type: string, maxLength: 10}}}";
        String after = "{type: object, properties: {name: {type: string, maxLength: 5}}}";
        assertEquals(Severity.ERROR, diff(requestSchema("3.1.0", before), requestSchema("3.1.0", after))
                .changes().get(0).severity());
        assertEquals(Severity.INFO, diff(responseSchema("3.1.0", before), responseSchema("3.1.0", after))
                .changes().get(0).severity());
    }

    @Test
    void aReadOnlyPropertyIsNotAskedOfRequestsNorAWriteOnlyOneOfResponses() {
        String before = "{type: object, properties: {name: {type: string}}}";
        String after = "{type: object, required: [id, secret], properties: {name: {type: string},"
                + " id: {type: string, readOnly: true}, secret: {type: string, writeOnly: true}}}";
        assertEquals(List.of("request-property-added-required"
                        + " /paths/~1pets/post/requestBody/content/application~1json/schema/properties/secret"),
                found(diff(requestSchema("3.1.0", before), requestSchema("3.1.0", after))));
        assertEquals(List.of("response-property-added"
                        + " /paths/~1pets/get/responses/200/content/application~1json/schema/properties/id"),
                found(diff(responseSchema("3.1.0", before), responseSchema("3.1.0", after))));
    }

    @Test
    void bothDialectsOfExclusiveBoundsReadAlike() {
        String v30 = "{type: object, properties: {n: {type: integer, minimum: 0, exclusiveMinimum: true}}}";
        String v31 = "{type: object, properties: {n: {type: integer, exclusiveMinimum: 0}}}";
        String nullable30 = "{type: object, properties: {n: {type: integer, nullable: true}}}";
        String nullable31 = "{type: object, properties: {n: {type: [integer, 'null']}}}";
        DiffReport bounds = SpecDiff.compare("old", Documents.parse(responseSchema("3.0.3", v30)), "new",
                Documents.parse(responseSchema("3.1.0", v31)));
        DiffReport nulls = SpecDiff.compare("old", Documents.parse(responseSchema("3.0.3", nullable30)), "new",
                Documents.parse(responseSchema("3.1.0", nullable31)));
        assertEquals(List.of(), bounds.changes());
        assertEquals(List.of(), nulls.changes());
    }

    @Test
    void anObjectBecomingAOneOfIsOneTypeChangeNotEachOfItsPropertiesRemoved() {
        String user = "{type: object, required: [login], properties: {login: {type: string}}}";
        String owner = "{type: object, properties: {owner: %s}}";
        DiffReport report = diff(responseSchema("3.1.0", owner.formatted(user)), responseSchema("3.1.0",
                owner.formatted("{oneOf: [" + user + ", {type: object, properties: {slug: {type: string}}}]}")));
        assertEquals(List.of("response-type-changed"), report.changes().stream().map(c -> c.rule().id()).toList());
        assertEquals("type changed from object to oneOf of 2 schemas", report.changes().get(0).message());
    }

    @Test
    void theAlternativesOfTwoOneOfsOfOneSizeAreComparedInOrder() {
        String owner = "{type: object, properties: {owner: {oneOf: [{type: string}, {type: string, enum: %s}]}}}";
        DiffReport report = diff(responseSchema("3.1.0", owner.formatted("[a]")),
                responseSchema("3.1.0", owner.formatted("[a, b]")));
        assertEquals(List.of("response-enum-value-added /paths/~1pets/get/responses/200/content/application~1json"
                + "/schema/properties/owner/oneOf/1/enum"), found(report));
    }

    @Test
    void aReferenceIntoAnotherFileOrToAnAnchorIsComparedAsItIsWritten() {
        for (String ref : List.of("other.yaml#/A", "#Pet", "#components/schemas/Pet")) {
            String schema = "{type: object, properties: {a: {$ref: '" + ref + "'}}}";
            assertEquals(List.of(), diff(responseSchema("3.1.0", schema), responseSchema("3.1.0", schema)).changes(),
                    ref);
        }
    }
}
