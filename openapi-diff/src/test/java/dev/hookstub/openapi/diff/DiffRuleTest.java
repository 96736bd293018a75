package dev.hookstub.openapi.diff;

import static dev.hookstub.openapi.diff.Documents.api;
import static dev.hookstub.openapi.diff.Documents.diff;
import static dev.hookstub.openapi.diff.Documents.requestSchema;
import static dev.hookstub.openapi.diff.Documents.responseSchema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One case per rule: two minimal documents and the finding expected between them, its level and its audiences
 * written out here rather than read from {@link DiffRule}, so that changing a rule's data fails its case. Each case
 * also holds that the old document compared with itself yields nothing: the finding comes from the change.
 */
class DiffRuleTest {

    /** @param audiences as the report prints them */
    record Case(String rule, String severity, String audiences, String pointer, String before, String after) {
        @Override
        public String toString() {
            return rule;
        }
    }

    private static final String V31 = "3.1.0";
    private static final String V30 = "3.0.3";
    private static final String GET = "{/pets: {get: {responses: {'200': {description: ok}}}}}";
    private static final String OK = "responses: {'200': {description: ok}}";

    private static Case of(String rule, String severity, String audiences, String pointer, String before,
                           String after) {
        return new Case(rule, severity, audiences, pointer, before, after);
    }

    private static String withQuery(String parameter) {
        return api("{/pets: {get: {parameters: [" + parameter + "], " + OK + "}}}");
    }

    private static String body(String... mediaTypes) {
        String content = Arrays.stream(mediaTypes).map(type -> type + ": {schema: {type: object}}")
                .collect(Collectors.joining(", "));
        return api("{/pets: {post: {requestBody: {content: {" + content + "}}, " + OK + "}}}");
    }

    private static String responses(String responses) {
        return api("{/pets: {get: {responses: {" + responses + "}}}}");
    }

    private static String request(String schema) {
        return requestSchema(V31, schema);
    }

    private static String response(String schema) {
        return responseSchema(V31, schema);
    }

    /** An object with one property {@code a} of the given schema. */
    private static String property(String schema) {
        return "{type: object, properties: {a: " + schema + "}}";
    }

    private static String schemes(String schemes, String security) {
        return api(V31, "{/pets: {get: {" + security + OK + "}}}",
                "components: {securitySchemes: " + schemes + "}");
    }

    private static final String KEY = "{key: {type: apiKey, in: header, name: X-Key}}";
    private static final String KEY_AND_BEARER = "{key: {type: apiKey, in: header, name: X-Key},"
            + " bearer: {type: http, scheme: bearer}}";
    private static final String OAUTH = "{oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://t.example/',"
            + " scopes: {read: r%s}}}}}";

    private static final String REQUEST_A = "/paths/~1pets/post/requestBody/content/application~1json/schema/properties/a";
    private static final String RESPONSE_A = "/paths/~1pets/get/responses/200/content/application~1json/schema/properties/a";
    private static final String REQUEST_B = REQUEST_A.substring(0, REQUEST_A.length() - 1) + "b";
    private static final String RESPONSE_B = RESPONSE_A.substring(0, RESPONSE_A.length() - 1) + "b";

    static Stream<Case> cases() {
        return Stream.of(
                of("path-added", "info", "server", "/paths/~1owners",
                        api(GET), api("{/pets: {get: {" + OK + "}}, /owners: {get: {" + OK + "}}}")),
                of("path-removed", "error", "client, generated-java-client", "/paths/~1owners",
                        api("{/pets: {get: {" + OK + "}}, /owners: {get: {" + OK + "}}}"), api(GET)),
                of("operation-added", "info", "server", "/paths/~1pets/post",
                        api(GET), api("{/pets: {get: {" + OK + "}, post: {" + OK + "}}}")),
                of("operation-removed", "error", "client, generated-java-client", "/paths/~1pets/post",
                        api("{/pets: {get: {" + OK + "}, post: {" + OK + "}}}"), api(GET)),
                of("operation-id-changed", "warning", "generated-java-client, server",
                        "/paths/~1pets/get/operationId", api("{/pets: {get: {operationId: listPets, " + OK + "}}}"),
                        api("{/pets: {get: {operationId: getPets, " + OK + "}}}")),

                of("request-parameter-added-required", "error", "client, generated-java-client",
                        "/paths/~1pets/get/parameters/0", api(GET),
                        withQuery("{name: q, in: query, required: true, schema: {type: string}}")),
                of("request-parameter-added-optional", "warning", "generated-java-client",
                        "/paths/~1pets/get/parameters/0", api(GET),
                        withQuery("{name: q, in: query, schema: {type: string}}")),
                of("request-parameter-removed", "warning", "client, generated-java-client",
                        "/paths/~1pets/get/parameters/0",
                        withQuery("{name: q, in: query, schema: {type: string}}"), api(GET)),
                of("request-parameter-became-required", "error", "client", "/paths/~1pets/get/parameters/0",
                        withQuery("{name: q, in: query, schema: {type: string}}"),
                        withQuery("{name: q, in: query, required: true, schema: {type: string}}")),
                of("request-parameter-became-optional", "info", "server", "/paths/~1pets/get/parameters/0",
                        withQuery("{name: q, in: query, required: true, schema: {type: string}}"),
                        withQuery("{name: q, in: query, schema: {type: string}}")),
                of("request-parameter-in-changed", "error", "client, generated-java-client",
                        "/paths/~1pets/get/parameters/0",
                        withQuery("{name: q, in: query, schema: {type: string}}"),
                        withQuery("{name: q, in: header, schema: {type: string}}")),

                of("request-media-type-added", "info", "server",
                        "/paths/~1pets/post/requestBody/content/application~1xml",
                        body("application/json"), body("application/json", "application/xml")),
                of("request-media-type-removed", "error", "client",
                        "/paths/~1pets/post/requestBody/content/application~1xml",
                        body("application/json", "application/xml"), body("application/json")),
                of("request-body-became-required", "error", "client", "/paths/~1pets/post/requestBody",
                        body("application/json"), body("application/json").replace("requestBody: {",
                                "requestBody: {required: true, ")),
                of("request-body-became-optional", "info", "server", "/paths/~1pets/post/requestBody",
                        body("application/json").replace("requestBody: {", "requestBody: {required: true, "),
                        body("application/json")),
                of("response-media-type-added", "info", "server",
                        "/paths/~1pets/get/responses/200/content/application~1xml",
                        responses("'200': {description: ok, content: {application/json: {}}}"),
                        responses("'200': {description: ok, content: {application/json: {}, application/xml: {}}}")),
                of("response-media-type-removed", "error", "client, generated-java-client",
                        "/paths/~1pets/get/responses/200/content/application~1xml",
                        responses("'200': {description: ok, content: {application/json: {}, application/xml: {}}}"),
                        responses("'200': {description: ok, content: {application/json: {}}}")),
                of("response-success-status-added", "info", "client", "/paths/~1pets/get/responses/202",
                        responses("'200': {description: ok}"),
                        responses("'200': {description: ok}, '202': {description: later}")),
                of("response-success-status-removed", "error", "client, generated-java-client",
                        "/paths/~1pets/get/responses/202",
                        responses("'200': {description: ok}, '202': {description: later}"),
                        responses("'200': {description: ok}")),
                of("response-error-status-added", "info", "client", "/paths/~1pets/get/responses/404",
                        responses("'200': {description: ok}"),
                        responses("'200': {description: ok}, '404': {description: gone}")),
                of("response-error-status-removed", "info", "server", "/paths/~1pets/get/responses/404",
                        responses("'200': {description: ok}, '404': {description: gone}"),
                        responses("'200': {description: ok}")),

                of("request-property-added-required", "error", "client",
                        REQUEST_B,
                        request(property("{type: string}")),
                        request("{type: object, required: [b], properties: {a: {type: string}, b: {type: string}}}")),
                of("request-property-added-optional", "info", "server", REQUEST_B,
                        request(property("{type: string}")),
                        request("{type: object, properties: {a: {type: string}, b: {type: string}}}")),
                of("request-property-removed", "warning", "client, generated-java-client", REQUEST_B,
                        request("{type: object, properties: {a: {type: string}, b: {type: string}}}"),
                        request(property("{type: string}"))),
                of("request-property-became-required", "error", "client", REQUEST_A,
                        request(property("{type: string}")),
                        request("{type: object, required: [a], properties: {a: {type: string}}}")),
                of("request-property-became-optional", "info", "server", REQUEST_A,
                        request("{type: object, required: [a], properties: {a: {type: string}}}"),
                        request(property("{type: string}"))),
                of("request-type-changed", "error", "client, generated-java-client", REQUEST_A + "/type",
                        request(property("{type: integer}")), request(property("{type: string}"))),
                of("request-format-changed", "error", "client, generated-java-client", REQUEST_A + "/format",
                        request(property("{type: string}")), request(property("{type: string, format: date-time}"))),
                of("request-became-not-nullable", "error", "client", REQUEST_A,
                        request(property("{type: [string, 'null']}")), request(property("{type: string}"))),
                of("request-became-nullable", "info", "server", REQUEST_A,
                        requestSchema(V30, property("{type: string}")),
                        requestSchema(V30, property("{type: string, nullable: true}"))),
                of("request-enum-value-added", "warning", "server", REQUEST_A + "/enum",
                        request(property("{type: string, enum: [cat]}")),
                        request(property("{type: string, enum: [cat, dog]}"))),
                of("request-enum-value-removed", "error", "client", REQUEST_A + "/enum",
                        request(property("{type: string, enum: [cat, dog]}")),
                        request(property("{type: string, enum: [cat]}"))),
                of("request-max-length-decreased", "error", "client", REQUEST_A + "/maxLength",
                        request(property("{type: string, maxLength: 10}")),
                        request(property("{type: string, maxLength: 5}"))),
                of("request-min-increased", "error", "client", REQUEST_A + "/minimum",
                        requestSchema(V30, property("{type: integer, minimum: 1}")),
                        requestSchema(V30, property("{type: integer, minimum: 1, exclusiveMinimum: true}"))),
                of("request-max-decreased", "error", "client", REQUEST_A + "/exclusiveMaximum",
                        request(property("{type: integer, maximum: 10}")),
                        request(property("{type: integer, exclusiveMaximum: 10}"))),
                of("request-pattern-added", "error", "client", REQUEST_A + "/pattern",
                        request(property("{type: string}")), request(property("{type: string, pattern: '^[a-z]+$'}"))),
                of("request-pattern-changed", "warning", "client", REQUEST_A + "/pattern",
                        request(property("{type: string, pattern: '^[a-z]+$'}")),
                        request(property("{type: string, pattern: '^[a-z0-9]+$'}"))),
                of("request-bounds-widened", "info", "server", REQUEST_A + "/maxLength",
                        request(property("{type: string, maxLength: 5}")),
                        request(property("{type: string, maxLength: 10}"))),

                of("response-property-added", "info", "server", RESPONSE_B,
                        response(property("{type: string}")),
                        response("{type: object, properties: {a: {type: string}, b: {type: string}}}")),
                of("response-required-property-removed", "error", "client, generated-java-client",
                        RESPONSE_B,
                        response("{type: object, required: [b], properties: {a: {type: string}, b: {type: string}}}"),
                        response(property("{type: string}"))),
                of("response-optional-property-removed", "warning", "client, generated-java-client",
                        RESPONSE_B,
                        response("{type: object, properties: {a: {type: string}, b: {type: string}}}"),
                        response(property("{type: string}"))),
                of("response-property-became-optional", "error", "client", RESPONSE_A,
                        response("{type: object, required: [a], properties: {a: {type: string}}}"),
                        response(property("{type: string}"))),
                of("response-property-became-required", "info", "server", RESPONSE_A,
                        response(property("{type: string}")),
                        response("{type: object, required: [a], properties: {a: {type: string}}}")),
                of("response-type-changed", "error", "client, generated-java-client", RESPONSE_A + "/type",
                        response(property("{type: integer}")), response(property("{type: number}"))),
                of("response-format-changed", "error", "client, generated-java-client", RESPONSE_A + "/format",
                        response(property("{type: integer, format: int32}")),
                        response(property("{type: integer, format: int64}"))),
                of("response-became-nullable", "error", "client", RESPONSE_A,
                        response(property("{type: string}")), response(property("{type: [string, 'null']}"))),
                of("response-became-not-nullable", "info", "server", RESPONSE_A,
                        responseSchema(V30, property("{type: string, nullable: true}")),
                        responseSchema(V30, property("{type: string}"))),
                of("response-enum-value-added", "error", "client, generated-java-client", RESPONSE_A + "/enum",
                        response(property("{type: string, enum: [cat]}")),
                        response(property("{type: string, enum: [cat, dog]}"))),
                of("response-enum-value-removed", "info", "server", RESPONSE_A + "/enum",
                        response(property("{type: string, enum: [cat, dog]}")),
                        response(property("{type: string, enum: [cat]}"))),
                of("response-max-length-increased", "error", "client", RESPONSE_A,
                        response(property("{type: string, maxLength: 5}")), response(property("{type: string}"))),
                of("response-min-decreased", "error", "client", RESPONSE_A + "/minimum",
                        response(property("{type: integer, minimum: 1}")),
                        response(property("{type: integer, minimum: 0}"))),
                of("response-max-increased", "error", "client", RESPONSE_A + "/maximum",
                        responseSchema(V30, property("{type: integer, maximum: 10, exclusiveMaximum: true}")),
                        responseSchema(V30, property("{type: integer, maximum: 10}"))),
                of("response-pattern-changed", "info", "client", RESPONSE_A + "/pattern",
                        response(property("{type: string}")), response(property("{type: string, pattern: '^a'}"))),
                of("response-bounds-narrowed", "info", "server", RESPONSE_A + "/maxLength",
                        response(property("{type: string}")), response(property("{type: string, maxLength: 5}"))),

                of("security-scheme-added", "info", "server", "/components/securitySchemes/bearer",
                        schemes(KEY, ""), schemes(KEY_AND_BEARER, "")),
                of("security-scheme-removed", "info", "server", "/components/securitySchemes/bearer",
                        schemes(KEY_AND_BEARER, ""), schemes(KEY, "")),
                of("security-scheme-type-changed", "error", "client, generated-java-client",
                        "/components/securitySchemes/key",
                        schemes(KEY, ""), schemes("{key: {type: http, scheme: bearer}}", "")),
                of("security-scheme-scope-added", "info", "server", "/components/securitySchemes/oauth/flows",
                        schemes(OAUTH.formatted(""), ""), schemes(OAUTH.formatted(", write: w"), "")),
                of("security-scheme-scope-removed", "warning", "client", "/components/securitySchemes/oauth/flows",
                        schemes(OAUTH.formatted(", write: w"), ""), schemes(OAUTH.formatted(""), "")),
                of("operation-security-added", "error", "client", "/paths/~1pets/get/security",
                        schemes(KEY, ""), schemes(KEY, "security: [{key: []}], ")),
                of("operation-security-removed", "info", "server", "/paths/~1pets/get/security",
                        schemes(KEY, "security: [{key: []}], "), schemes(KEY, "security: [{key: []}, {}], ")),
                of("operation-security-alternative-added", "info", "server", "/paths/~1pets/get/security",
                        schemes(KEY_AND_BEARER, "security: [{key: []}], "),
                        schemes(KEY_AND_BEARER, "security: [{key: []}, {bearer: []}], ")),
                of("operation-security-alternative-removed", "error", "client", "/paths/~1pets/get/security",
                        schemes(KEY_AND_BEARER, "security: [{key: []}, {bearer: []}], "),
                        schemes(KEY_AND_BEARER, "security: [{key: []}], ")),
                of("operation-security-scope-added", "error", "client", "/paths/~1pets/get/security",
                        schemes(OAUTH.formatted(", write: w"), "security: [{oauth: [read]}], "),
                        schemes(OAUTH.formatted(", write: w"), "security: [{oauth: [read, write]}], ")),
                of("operation-security-scope-removed", "info", "server", "/paths/~1pets/get/security",
                        schemes(OAUTH.formatted(", write: w"), "security: [{oauth: [read, write]}], "),
                        schemes(OAUTH.formatted(", write: w"), "security: [{oauth: [read]}], ")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachRuleFindsItsChangeWithItsLevelAndAudiences(Case c) {
        assertEquals(List.of(), diff(c.before(), c.before()).changes(), "the old document against itself");
        List<Change> changes = diff(c.before(), c.after()).changes();
        Change change = changes.stream().filter(found -> found.rule().id().equals(c.rule())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + c.rule() + " in " + changes));
        assertEquals(c.severity(), change.severity().label(), change.toString());
        assertEquals(c.audiences(), TextReport.audiences(change.rule()), change.toString());
        assertEquals(c.pointer(), change.pointer(), change.toString());
        assertEquals(1, changes.size(), () -> "only the one change: " + changes);
    }

    @Test
    void everyRuleHasItsCase() {
        Set<String> covered = cases().map(Case::rule).collect(Collectors.toCollection(TreeSet::new));
        Set<String> rules = Arrays.stream(DiffRule.values()).map(DiffRule::id)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(rules, covered);
        assertTrue(rules.size() >= 60, "the rule count the README gives: " + rules.size());
    }
}
