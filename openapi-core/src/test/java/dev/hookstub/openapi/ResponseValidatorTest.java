package dev.hookstub.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Hand-written responses against the real specs; no server involved. */
class ResponseValidatorTest {

    private static final String JSON = "application/json";
    private static final String HAL = "application/hal+json";
    private static final String SCHEMA = Violation.RESPONSE_SCHEMA_CONFORMANCE;

    /** Each violation as "check pointer", which is what a test should pin down. */
    private static List<String> found(List<Violation> violations) {
        return violations.stream().map(v -> v.check() + " " + v.pointer()).toList();
    }

    private static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** OpenAPI 3.1 lets an operation declare no responses: the message says so, not "declared: " and nothing. */
    @Test
    void anOperationThatDeclaresNoResponsesSaysSo() {
        OpenApiSpec spec = OpenApiSpec.fromBytes("bare", """
                openapi: 3.1.0
                info: {title: bare, version: '1'}
                paths: {/ping: {get: {operationId: ping}}}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<Violation> violations = new ResponseValidator(spec).validate(spec.operation("ping"), 200, JSON, "{}");
        assertEquals(1, violations.size(), violations.toString());
        assertEquals("status 200 is not declared for " + spec.operation("ping").label() + ", which declares no responses",
                violations.get(0).reason());
    }

    @Nested
    class MijnKlantportaal {
        private final OpenApiSpec spec = ShippedSpec.MIJNKLANTPORTAAL.spec();
        private final ResponseValidator validator = new ResponseValidator(spec);
        private final Operation getWebhook = spec.operation("get-webhook");

        /** The spec has property examples only; this is them put together. */
        private ObjectNode webhook() {
            return object()
                    .put("id", "wbh_abc12345def678")
                    .put("type", "customer-created")
                    .put("url", "https://mijnklantportaal.nl/webhook-incoming")
                    .put("secret", "OUJX2prdBbJxR77BZlGz")
                    .put("createdAt", "2024-04-29T21:00:00+02:00");
        }

        @Test
        void bodyBuiltFromPropertyExamplesConforms() {
            assertEquals(List.of(), validator.validate(getWebhook, 200, JSON, webhook().toString()));
            assertEquals(List.of(), validator.validate(spec.operation("create-webhook"), 201, JSON, webhook().toString()));
            assertEquals(List.of(), validator.validate(getWebhook, 404, JSON, "{\"message\":\"Not found\"}"));
        }

        /** A body that is not one JSON value is said to be so, in the words of a JSON reader, and judged no further. */
        @ParameterizedTest
        @ValueSource(strings = {"{} {}", "{\"id\":\"wbh_1\"}{", "[1] 2", "not json", "{\"id\":", "{\"id\" \"x\"}"})
        void aBodyThatIsNotOneJsonValueIsNamedSo(String body) {
            List<Violation> violations = validator.validate(getWebhook, 200, JSON, body);
            assertEquals(List.of(SCHEMA + " "), found(violations), body);
            String reason = violations.get(0).reason();
            org.junit.jupiter.api.Assertions.assertTrue(reason.startsWith("body is not valid JSON: ")
                    && !reason.contains("REDACTED") && !reason.contains("\n"), reason);
        }

        @Test
        void numberWhereStringIsDeclaredFails() {
            assertEquals(List.of(SCHEMA + " /id"), found(validator.validate(getWebhook, 200, JSON, webhook().put("id", 5).toString())));
        }

        @Test
        void undeclaredStatusFails() {
            assertEquals(List.of(Violation.STATUS_CODE_CONFORMANCE + " "),
                    found(validator.validate(getWebhook, 500, JSON, "{\"message\":\"boom\"}")));
        }

        @Test
        void htmlInsteadOfJsonFails() {
            assertEquals(List.of(Violation.CONTENT_TYPE_CONFORMANCE + " "),
                    found(validator.validate(getWebhook, 404, "text/html; charset=utf-8", "<h1>Not found</h1>")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"application/json; charset=UTF-8", "Application/JSON", "application/json;charset=utf-8"})
        void mediaTypeParametersAndCaseAreIgnored(String contentType) {
            assertEquals(List.of(), validator.validate(getWebhook, 200, contentType, webhook().toString()));
        }

        @Test
        void missingContentTypeFailsWhenContentIsDeclared() {
            assertEquals(List.of(Violation.CONTENT_TYPE_CONFORMANCE + " "),
                    found(validator.validate(getWebhook, 200, null, webhook().toString())));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "{not json", "{} {}"})
        void bodyThatIsNotJsonFails(String body) {
            assertEquals(List.of(SCHEMA + " "), found(validator.validate(getWebhook, 200, JSON, body)));
        }

        @Test
        void operationOfAnotherSpecIsRejected() {
            Operation partoo = ShippedSpec.PARTOO.spec().operation("getWebhook");
            assertThrows(IllegalArgumentException.class, () -> validator.validate(partoo, 200, JSON, "{}"));
        }
    }

    @Nested
    class EqualsMoney {
        private final OpenApiSpec spec = ShippedSpec.EQUALSMONEY.spec();
        private final ResponseValidator validator = new ResponseValidator(spec);
        private final Operation findOneWebhook = spec.operation("findOneWebhook");

        private ObjectNode example() {
            return (ObjectNode) spec.at(findOneWebhook.pointer() + "/responses/200/content/application~1json/schema/example");
        }

        @Test
        void specExampleConforms() {
            assertEquals(List.of(), validator.validate(findOneWebhook, 200, JSON, example().toString()));
        }

        @Test
        void missingRequiredFieldFailsAtThatField() {
            ObjectNode body = example();
            body.remove("accountId");
            assertEquals(List.of(SCHEMA + " /accountId"), found(validator.validate(findOneWebhook, 200, JSON, body.toString())));
        }

        @Test
        void nullIsAcceptedWhereTheTypeArrayAllowsIt() {
            ObjectNode body = example();
            body.putNull("accountId");
            assertEquals(List.of(), validator.validate(findOneWebhook, 200, JSON, body.toString()));
        }

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource({"id, not-a-uuid", "productId, 3ef24d53", "createdAt, yesterday", "updatedAt, 2019-08-24"})
        void formatsAreAsserted(String field, String value) {
            assertEquals(List.of(SCHEMA + " /" + field),
                    found(validator.validate(findOneWebhook, 200, JSON, example().put(field, value).toString())));
        }
    }

    @Nested
    class Partoo {
        private final OpenApiSpec spec = ShippedSpec.PARTOO.spec();
        private final ResponseValidator validator = new ResponseValidator(spec);
        private final Operation getWebhook = spec.operation("getWebhook");

        /** The spec has property examples only; this is them put together. */
        private ObjectNode webhook() {
            ObjectNode body = object()
                    .put("id", 1)
                    .put("url", "https://example.com/webhook")
                    .put("event_type", "business_created")
                    .put("created_at", "2024-11-27T16:10:44.929678Z")
                    .put("updated_at", "2024-11-27T16:10:44.929678Z")
                    .put("org_id", 1);
            body.set("custom_headers", spec.at("/components/schemas/CustomHeaders/example"));
            return body;
        }

        private List<Violation> validateWithHeaders(ObjectNode headers) {
            ObjectNode body = webhook();
            body.set("custom_headers", headers);
            return validator.validate(getWebhook, 200, JSON, body.toString());
        }

        @Test
        void bodyBuiltFromPropertyExamplesConforms() {
            assertEquals(List.of(), validator.validate(getWebhook, 200, JSON, webhook().toString()));
        }

        @Test
        void stringWhereIntegerIsDeclaredFails() {
            assertEquals(List.of(SCHEMA + " /id"), found(validator.validate(getWebhook, 200, JSON, webhook().put("id", "1").toString())));
        }

        @Test
        void valueOutsideTheEnumFails() {
            assertEquals(List.of(SCHEMA + " /event_type"),
                    found(validator.validate(getWebhook, 200, JSON, webhook().put("event_type", "nope").toString())));
        }

        @Test
        void undeclaredStatusFails() {
            assertEquals(List.of(Violation.STATUS_CODE_CONFORMANCE + " "),
                    found(validator.validate(getWebhook, 418, JSON, "{}")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"X-Partoo-Foo", "x-pArToO-foo", "Authorization", "X-Bad:Name"})
        void headerNameViolatingPropertyNamesFailsAtThatName(String name) {
            assertEquals(List.of(SCHEMA + " /custom_headers/" + name), found(validateWithHeaders(object().put(name, "v"))));
        }

        @Test
        void moreThanFiveHeadersFails() {
            ObjectNode six = object();
            for (int i = 1; i <= 6; i++) {
                six.put("X-Header-" + i, "v");
            }
            assertEquals(List.of(SCHEMA + " /custom_headers"), found(validateWithHeaders(six)));
        }

        @Test
        void refResponsesAreValidatedAgainstTheirComponentSchema() {
            assertEquals(List.of(), validator.validate(getWebhook, 401, JSON, "{\"errors\":{\"authentication\":\"User not authenticated\"}}"));
            assertEquals(List.of(SCHEMA + " /errors/authentication"),
                    found(validator.validate(getWebhook, 401, JSON, "{\"errors\":{\"authentication\":5}}")));
        }

        @Test
        void concurrentValidationsAgree() throws Exception {
            // 403's schema is used by no other test, so the threads also race to compile it.
            String body = "{\"errors\":{\"authorization\":false}}";
            int threads = 8;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<List<String>>> results = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return found(new ResponseValidator(spec).validate(getWebhook, 403, JSON, body));
                    }));
                }
                start.countDown();
                for (Future<List<String>> result : results) {
                    assertEquals(List.of(SCHEMA + " /errors/authorization"), result.get());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class Mollie {
        private final OpenApiSpec spec = ShippedSpec.MOLLIE.spec();
        private final ResponseValidator validator = new ResponseValidator(spec);
        private final Operation getWebhook = spec.operation("get-webhook");
        private final String content = getWebhook.pointer() + "/responses/%s/content/application~1hal+json";

        private ObjectNode example() {
            return (ObjectNode) spec.at(content.formatted("200") + "/examples/get-webhook-200/value");
        }

        @Test
        void specExamplesConform() {
            assertEquals(List.of(), validator.validate(getWebhook, 200, HAL, example().toString()));
            assertEquals(List.of(), validator.validate(getWebhook, 200, HAL,
                    spec.at(content.formatted("200") + "/examples/get-webhook-200-1/value").toString()));
            assertEquals(List.of(), validator.validate(getWebhook, 404, HAL, spec.at(content.formatted("404") + "/example").toString()));
            assertEquals(List.of(), validator.validate(getWebhook, 422, HAL, spec.at(content.formatted("422") + "/example").toString()));
        }

        @Test
        void missingLinksFails() {
            ObjectNode body = example();
            body.remove("_links");
            assertEquals(List.of(SCHEMA + " /_links"), found(validator.validate(getWebhook, 200, HAL, body.toString())));
        }

        @Test
        void nullWhereOnlyStringIsDeclaredFails() {
            ObjectNode body = example();
            body.putNull("url");
            assertEquals(List.of(SCHEMA + " /url"), found(validator.validate(getWebhook, 200, HAL, body.toString())));
        }

        @Test
        void nullIsAcceptedWhereTheTypeArrayAllowsIt() {
            ObjectNode body = example();
            body.putNull("profileId");
            assertEquals(List.of(), validator.validate(getWebhook, 200, HAL, body.toString()));
        }

        @Test
        void plainJsonInsteadOfHalJsonFails() {
            assertEquals(List.of(Violation.CONTENT_TYPE_CONFORMANCE + " "),
                    found(validator.validate(getWebhook, 200, JSON, example().toString())));
        }
    }
}
