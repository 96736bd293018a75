package dev.hookstub.server.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.server.clock.Timestamps;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.json.ObjectMappers;
import dev.hookstub.server.spec.SpecFile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A record follows its spec's schema: what it accepts, how it is filled in, served, stored and read back. */
class RecordShapeTest {

    private static final ObjectMapper JSON = ObjectMappers.create();
    private static final Instant NOW = Instant.parse("2030-01-02T03:04:05Z");

    /** A webhook schema in the specs' manner: a required id and timestamp, a nullable note, an optional label. */
    private static final String SPEC = """
            {"openapi": "3.1.0", "paths": {"/hooks/{id}": {"get": {"responses": {"200": {"content": {
              "application/json": {"schema": {"$ref": "#/components/schemas/Hook"}}}}}}}},
             "components": {"schemas": {
              "Hook": {"type": "object", "required": ["id", "url", "createdAt", "note", "kind"], "properties": {
                "id": {"type": "integer"},
                "url": {"$ref": "#/components/schemas/Url"},
                "createdAt": {"type": "string"},
                "note": {"type": ["string", "null"]},
                "kind": {"type": "string", "example": "plain"},
                "label": {"type": "string"},
                "headers": {"type": "object"}}},
              "Url": {"type": "string", "example": "https://example.com/hook"}}}}
            """;

    private static RecordShape shape(UnaryOperator<ObjectNode> change) {
        ObjectNode document = (ObjectNode) read(SPEC);
        change.apply((ObjectNode) document.at("/components/schemas/Hook"));
        RecordSchema schema = RecordSchema.ofRead(SpecFile.made("hooks.json", document).spec(), "/hooks/{id}");
        return RecordShape.of(schema)
                .timestamp("createdAt", Timestamps::utcOffsetSeconds)
                .stubField("tenant").signingSecret("tenant")
                .requiredOnCreate("url")
                .byDefault("id", () -> 7)
                .byDefault("note", () -> null)
                .behaviour("id", "integer").behaviour("url", "string")
                .earlierName("webhookId", "id").earlierName("customHeaders", "headers")
                .build(JSON);
    }

    private static final RecordShape SHAPE = shape(hook -> hook);

    private static ObjectNode read(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static SpecRecord made(String fields) {
        return SHAPE.record(SHAPE.filled(read(fields), NOW));
    }

    private static String served(SpecRecord record) throws Exception {
        return JSON.writeValueAsString(SHAPE.served(record));
    }

    @Nested
    class Making {

        @Test
        void aPropertyTheSchemaDoesNotDefineIsRefusedNamingIt() {
            ApiProblem refused = assertThrows(ApiProblem.class,
                    () -> made("{\"url\": \"https://a.example\", \"lable\": \"typo\"}"));
            assertEquals(400, refused.status());
            assertEquals("lable", refused.field());
            assertTrue(refused.detail().contains("id, url, createdAt, note, kind, label, headers"), refused.detail());
            // The properties it does define, and the stub's own fields, are taken.
            assertEquals("typo", made("{\"url\": \"https://a.example\", \"label\": \"typo\", \"tenant\": \"t\"}")
                    .text("label"));
        }

        @Test
        void whatTheCallerMustGiveIsRequired() {
            ApiProblem refused = assertThrows(ApiProblem.class, () -> made("{\"label\": \"no url\"}"));
            assertEquals("url", refused.field());
        }

        @Test
        void absentValuesComeFromTheApiThenTheClockThenTheSpec() throws Exception {
            SpecRecord record = made("{\"url\": \"https://a.example\"}");
            assertEquals("{\"id\":7,\"url\":\"https://a.example\",\"createdAt\":\"2030-01-02T03:04:05+00:00\","
                    + "\"note\":null,\"kind\":\"plain\"}", served(record));
            assertEquals("7", record.id());
        }

        @Test
        void aRequiredPropertyTheSpecGivesNoValueForStaysMissing() {
            RecordShape withoutExample = shape(hook -> {
                ((ObjectNode) hook.at("/properties/kind")).remove("example");
                return hook;
            });
            ObjectNode filled = withoutExample.filled(read("{\"url\": \"https://a.example\"}"), NOW);
            assertEquals(List.of("kind"), withoutExample.missing(filled));
            assertEquals(List.of(), SHAPE.missing(SHAPE.filled(read("{\"url\": \"https://a.example\"}"), NOW)));
        }

        @Test
        void aTimestampIsReadWithAnyOffsetAndServedInTheApisForm() throws Exception {
            SpecRecord record = made("{\"url\": \"u\", \"createdAt\": \"2024-04-29T21:00:00+02:00\"}");
            assertEquals(Instant.parse("2024-04-29T19:00:00Z"), record.instant("createdAt"));
            assertTrue(served(record).contains("\"createdAt\":\"2024-04-29T19:00:00+00:00\""), served(record));
            ApiProblem refused = assertThrows(ApiProblem.class,
                    () -> made("{\"url\": \"u\", \"createdAt\": \"2024-04-29T21:00:00\"}"));
            assertEquals("createdAt", refused.field());
        }

        @Test
        void aValueTheApiComputesIsDropped() {
            RecordShape computing = RecordShape.of(SHAPE.schema()).computed("headers", "object").build(JSON);
            ObjectNode filled = computing.filled(read("{\"id\": 1, \"headers\": {\"a\": \"b\"}}"), NOW);
            assertFalse(filled.has("headers"));
        }
    }

    @Nested
    class Serving {

        @Test
        void propertiesAreServedInTheSpecsOrderWhateverTheOrderGiven() throws Exception {
            SpecRecord record = made("{\"label\": \"l\", \"kind\": \"k\", \"url\": \"u\", \"id\": 3, "
                    + "\"createdAt\": \"2030-01-02T03:04:05Z\", \"note\": \"n\", \"tenant\": \"t\"}");
            assertEquals("{\"id\":3,\"url\":\"u\",\"createdAt\":\"2030-01-02T03:04:05+00:00\",\"note\":\"n\","
                    + "\"kind\":\"k\",\"label\":\"l\"}", served(record));
        }

        @Test
        void aRequiredPropertyIsAlwaysWrittenAnOptionalOneOnlyWhenThere() throws Exception {
            SpecRecord record = made("{\"url\": \"u\"}").with("kind", null);
            String served = served(record);
            assertTrue(served.contains("\"kind\":null"), served);
            assertFalse(served.contains("label"), served);
        }

        @Test
        void theAdminViewAddsTheStubsOwnFieldsAfterTheProperties() {
            SpecRecord record = made("{\"url\": \"u\", \"tenant\": \"t\"}");
            assertEquals(List.of("id", "url", "createdAt", "note", "kind", "tenant"),
                    names(SHAPE.view(record).fieldNames()));
            assertEquals("t", record.signingSecret());
        }

        @Test
        void aComputedPropertyIsServedWhereTheSpecPutsIt() throws Exception {
            RecordShape computing = RecordShape.of(SHAPE.schema()).computed("label", "string").build(JSON);
            SpecRecord record = computing.record(computing.filled(read(
                    "{\"id\": 1, \"url\": \"u\", \"createdAt\": \"2030-01-02T03:04:05Z\", \"note\": null, "
                            + "\"kind\": \"k\", \"headers\": {}}"), NOW));
            assertEquals("{\"id\":1,\"url\":\"u\",\"createdAt\":\"2030-01-02T03:04:05Z\",\"note\":null,\"kind\":"
                    + "\"k\",\"label\":\"here\",\"headers\":{}}",
                    JSON.writeValueAsString(computing.served(record, Map.of("label", "here"))));
        }
    }

    @Nested
    class Storing {

        @Test
        void aRecordReadsBackAsItWasStored() throws Exception {
            SpecRecord record = made("{\"url\": \"u\", \"label\": \"l\", \"headers\": {\"X-A\": \"b\"}, \"tenant\": \"t\"}");
            String stored = SHAPE.write(record);
            assertTrue(stored.contains("\"createdAt\":\"2030-01-02T03:04:05Z\""), stored);
            SpecRecord read = SHAPE.read(stored);
            assertEquals(served(record), served(read));
            assertEquals("t", read.text("tenant"));
        }

        @Test
        void aRowOfAnEarlierVersionIsReadUnderTheSpecsNames() throws Exception {
            SpecRecord read = SHAPE.read("{\"webhookId\": 2, \"url\": \"u\", \"createdAt\": \"2024-11-27T16:10:44Z\","
                    + "\"customHeaders\": null, \"note\": null}");
            // Its null meant "none" for a property whose schema allows no null; the spec's example fills in kind.
            assertEquals("{\"id\":2,\"url\":\"u\",\"createdAt\":\"2024-11-27T16:10:44+00:00\",\"note\":null,"
                    + "\"kind\":\"plain\"}", served(read));
            assertEquals("2", read.id());
        }
    }

    @Nested
    class CheckedAgainstTheSpec {

        @Test
        void aPropertyTheApiGivesBehaviourToThatTheSpecDropsFailsTheStartNamingIt() {
            IllegalStateException failure = assertThrows(IllegalStateException.class, () -> shape(hook -> {
                ((ObjectNode) hook.get("properties")).remove("url");
                return hook;
            }));
            assertTrue(failure.getMessage().startsWith("hooks.json (/components/schemas/Hook): the stub gives the "
                    + "property url behaviour"), failure.getMessage());
        }

        @Test
        void aPropertyWhoseTypeTheApiNoLongerReadsFailsTheStartNamingIt() {
            IllegalStateException failure = assertThrows(IllegalStateException.class, () -> shape(hook -> {
                ((ObjectNode) hook.at("/properties/id")).put("type", "string");
                return hook;
            }));
            assertTrue(failure.getMessage().contains("reads the property id as integer"), failure.getMessage());
        }

        @Test
        void aFieldOfTheStubsOwnThatTheSpecNowDefinesFailsTheStartNamingIt() {
            IllegalStateException failure = assertThrows(IllegalStateException.class, () -> shape(hook -> {
                ((ObjectNode) hook.get("properties")).putObject("tenant").put("type", "string");
                return hook;
            }));
            assertTrue(failure.getMessage().contains("now defines tenant"), failure.getMessage());
        }
    }

    private static List<String> names(java.util.Iterator<String> iterator) {
        List<String> names = new java.util.ArrayList<>();
        iterator.forEachRemaining(names::add);
        return names;
    }
}
