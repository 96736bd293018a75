package dev.hookstub.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How an answer is judged when {@code check} gets it or {@code proxy} forwards it: an undeclared status is forgiven
 * only where providers' specs commonly leave it out, and then the body must be in the API's error format.
 */
class AnswerValidatorTest {

    private static final String JSON = "application/json";

    private final OpenApiSpec mkp = ShippedSpec.MIJNKLANTPORTAAL.spec();
    private final Operation getWebhook = mkp.operation("get-webhook");
    private final AnswerValidator answers = new AnswerValidator(mkp);

    private static List<String> found(AnswerValidator.Verdict verdict) {
        return verdict.violations().stream().map(v -> v.check() + " " + v.pointer()).toList();
    }

    @Test
    void aDeclaredAnswerIsJudgedByStatusContentTypeAndSchema() {
        String record = "{\"id\":\"wbh_abc12345def678\",\"type\":\"customer-created\",\"url\":\"https://e.com\","
                + "\"secret\":\"OUJX2prdBbJxR77BZlGz\",\"createdAt\":\"2024-04-29T21:00:00+02:00\"}";
        AnswerValidator.Verdict verdict = answers.validate(getWebhook, true, 200, JSON, record, Map.of());
        assertEquals(List.of(Violation.STATUS_CODE_CONFORMANCE, Violation.CONTENT_TYPE_CONFORMANCE,
                Violation.RESPONSE_SCHEMA_CONFORMANCE), verdict.checks());
        assertEquals(List.of(), verdict.violations());
        assertEquals(List.of(Violation.RESPONSE_SCHEMA_CONFORMANCE + " /id"),
                found(answers.validate(getWebhook, true, 200, JSON, record.replace("\"wbh_abc12345def678\"", "7"),
                        Map.of())));
    }

    @Test
    void aHeadOfTheGetIsJudgedByStatusAndContentTypeWithoutABody() {
        assertEquals(List.of(), found(answers.validateHead(getWebhook, true, 200, JSON, Map.of())));
        assertEquals(List.of(), found(answers.validateHead(getWebhook, true, 200, null, Map.of())),
                "a HEAD's answer may leave its Content-Type out");
        assertEquals(List.of(), found(answers.validateHead(getWebhook, true, 404, null, Map.of())));
        assertEquals(List.of(Violation.CONTENT_TYPE_CONFORMANCE + " "),
                found(answers.validateHead(getWebhook, true, 200, "text/html", Map.of())));
        assertEquals(List.of(Violation.STATUS_CODE_CONFORMANCE + " "),
                found(answers.validateHead(getWebhook, true, 500, null, Map.of())));
    }

    @Test
    void anUndeclaredRefusalOfTheCallerIsForgivenWhenInTheErrorFormat() {
        assertEquals(List.of(), found(answers.validate(getWebhook, true, 401, JSON, "{\"message\":\"no key\"}",
                Map.of())));
        assertEquals(List.of(Violation.RESPONSE_SCHEMA_CONFORMANCE + " "),
                found(answers.validate(getWebhook, true, 401, JSON, "[{\"message\":\"no key\"}]", Map.of())));
    }

    @Test
    void anUndeclaredStatusOtherwiseBreaksTheSpec() {
        assertEquals(List.of(Violation.STATUS_CODE_CONFORMANCE + " "),
                found(answers.validate(getWebhook, true, 409, JSON, "{\"message\":\"conflict\"}", Map.of())));
        assertEquals(List.of(Violation.STATUS_CODE_CONFORMANCE + " "),
                found(answers.validate(getWebhook, false, 500, JSON, "{\"message\":\"boom\"}", Map.of())));
    }

    @Test
    void anyUndeclaredClientErrorMayAnswerARequestThatBreaksTheSpec() {
        assertEquals(List.of(), found(answers.validate(getWebhook, false, 409, JSON, "{\"message\":\"bad\"}",
                Map.of())));
    }

    @Test
    void anotherApisErrorFormatIsNamed() {
        OpenApiSpec mollie = ShippedSpec.MOLLIE.spec();
        List<Violation> violations = new AnswerValidator(mollie).validate(mollie.operation("get-webhook"), true, 401,
                "application/hal+json", "{\"message\":\"Unauthenticated.\"}", Map.of()).violations();
        assertEquals(false, violations.isEmpty());
        violations.forEach(violation -> {
            assertEquals(Violation.RESPONSE_SCHEMA_CONFORMANCE, violation.check());
            assertEquals(true, violation.reason().startsWith("the 401 answer is not in the API's error format"),
                    violation.reason());
        });
    }

    /**
     * Partoo's and MijnKlantportaal's error schemas require nothing, so any object passes them; one that carries none
     * of the members they declare is another API's format, and is named, while one with them passes.
     */
    @Test
    void anErrorBodyWithNoneOfTheFormatsMembersIsAnotherApisFormat() {
        OpenApiSpec partoo = ShippedSpec.PARTOO.spec();
        AnswerValidator partooAnswers = new AnswerValidator(partoo);
        Operation read = partoo.operations().get(0);
        assertEquals(List.of(Violation.RESPONSE_SCHEMA_CONFORMANCE + " "), found(partooAnswers.validate(read, true, 404,
                JSON, "{\"message\":\"not found\"}", Map.of())));
        assertEquals(List.of(), found(partooAnswers.validate(read, true, 404, JSON,
                "{\"errors\":{\"json\":\"not found\"},\"trace\":\"abc\"}", Map.of())));
        assertEquals(List.of(Violation.RESPONSE_SCHEMA_CONFORMANCE + " "),
                found(answers.validate(getWebhook, true, 404, JSON, "{\"error\":\"gone\"}", Map.of())));
        assertEquals(List.of(), found(answers.validate(getWebhook, true, 404, JSON, "{\"message\":\"gone\"}",
                Map.of())));
        // A success's schema is not an error format: an extra-only body there is the schema's business.
        assertEquals(true, DeclaredErrorFormat.noneOfItsMembers(mkp, getWebhook, "200", JSON, "{\"x\":1}").isEmpty());
    }

    /** What a spec leaves open is open: no declared error body, no format; no body at all is in no other one. */
    @Test
    void anApiWithoutADeclaredErrorBodyAndABodilessRefusalHaveNoFormatToBreak() {
        OpenApiSpec equals = ShippedSpec.EQUALSMONEY.spec();
        Operation read = equals.operations().get(0);
        AnswerValidator equalsAnswers = new AnswerValidator(equals);
        assertEquals(List.of(), found(equalsAnswers.validate(read, true, 404, "text/html", "<h1>Not here</h1>",
                Map.of())));
        assertEquals(List.of(), found(equalsAnswers.validateRefusalOfUndocumentedMethod(read, 405, null, "")));
        assertEquals(List.of(), found(answers.validateRefusalOfUndocumentedMethod(getWebhook, 405, null, "")));
        assertEquals(List.of(Violation.RESPONSE_SCHEMA_CONFORMANCE + " "),
                found(answers.validateRefusalOfUndocumentedMethod(getWebhook, 405, JSON, "{\"detail\":\"no\"}")));
    }

    @Test
    void headersAreJudgedWhereTheStatusDeclaresThem() {
        OpenApiSpec spec = OpenApiSpec.fromBytes("limits", """
                openapi: 3.1.0
                info: {title: limits, version: '1'}
                paths:
                  /things:
                    get:
                      responses:
                        '200':
                          description: ok
                          headers:
                            X-Rate-Limit: {required: true, schema: {type: integer}}
                          content: {application/json: {schema: {type: object}}}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        AnswerValidator limits = new AnswerValidator(spec);
        Operation things = spec.operations().get(0);
        AnswerValidator.Verdict missing = limits.validate(things, true, 200, JSON, "{}", Map.of());
        assertEquals(Violation.RESPONSE_HEADERS_CONFORMANCE, missing.checks().get(3));
        assertEquals(List.of(Violation.RESPONSE_HEADERS_CONFORMANCE + " "), found(missing));
        assertEquals(List.of(), found(limits.validate(things, true, 200, JSON, "{}",
                Map.of("x-rate-limit", List.of("10")))));
    }
}
