package dev.hookstub.conformance.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.conformance.checks.CheckResult.Outcome;
import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.conformance.report.Reports;
import dev.hookstub.openapi.AnswerValidator;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.Operation;
import dev.hookstub.openapi.RequestValidator;
import dev.hookstub.openapi.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The proxy's report: exchanges judged by the proxy, tallied per operation and check as a run's results are, and
 * written by the same reports, masked as a run's are.
 */
class ObservedTrafficTest {

    private static final String RECORD = "{\"id\":1,\"url\":\"https://example.com\",\"event_type\":\"lead_received\","
            + "\"created_at\":\"2024-01-01T00:00:00.000000Z\",\"updated_at\":\"2024-01-01T00:00:00.000000Z\","
            + "\"org_id\":1}";
    private static final List<String> CREDENTIAL = List.of("x-APIKey", "partoo_secret_key_123");

    private final OpenApiSpec spec = Preset.PARTOO.spec();
    private final Operation getWebhook = spec.operation("getWebhook");
    private final AnswerValidator answers = new AnswerValidator(spec);

    private ObservedTraffic.Observed read(String path, List<Violation> requestViolations, int status, String body) {
        AnswerValidator.Verdict verdict = answers.validate(getWebhook, requestViolations.isEmpty(), status,
                "application/json", body, Map.of());
        return new ObservedTraffic.Observed(getWebhook, "GET", path, CREDENTIAL, null, requestViolations, true,
                status, Map.of("content-type", List.of("application/json")), body, verdict, null, 3);
    }

    private static Outcome outcome(RunResult run, Check check) {
        return run.results().stream().filter(r -> r.operationId().equals("getWebhook") && r.check() == check)
                .findFirst().orElseThrow().outcome();
    }

    @Test
    void exchangesThatKeepToTheSpecPassEveryCheckTheyMeet() {
        ObservedTraffic traffic = new ObservedTraffic(spec, "http://127.0.0.1:8080/partoo/v2 -> upstream");
        traffic.observe(read("/partoo/v2/webhooks/1", List.of(), 200, RECORD));
        RunResult run = traffic.result();
        assertTrue(run.settings().observed());
        for (Check check : List.of(Check.REQUEST_PARAMETER_CONFORMANCE, Check.NOT_A_SERVER_ERROR,
                Check.STATUS_CODE_CONFORMANCE, Check.CONTENT_TYPE_CONFORMANCE, Check.RESPONSE_SCHEMA_CONFORMANCE)) {
            assertEquals(Outcome.PASSED, outcome(run, check), check.checkName());
        }
        assertEquals(Outcome.SKIPPED, outcome(run, Check.REQUEST_BODY_CONFORMANCE));
        assertEquals(1, traffic.exchanges());
        assertEquals(0, traffic.withViolations());
    }

    @Test
    void eachCheckFailsOnTheExchangeThatBreaksIt() {
        ObservedTraffic traffic = new ObservedTraffic(spec, "here -> there");
        traffic.observe(read("/partoo/v2/webhooks/1?org_id=x", List.of(new Violation(RequestValidator.PARAMETERS,
                "/query/org_id", "query parameter org_id 'x': string found, integer expected")), 400,
                "{\"errors\":{\"query\":{\"org_id\":[\"bad\"]}}}"));
        traffic.observe(read("/partoo/v2/webhooks/1", List.of(), 200, RECORD.replace("\"org_id\":1", "\"org_id\":\"1\"")));
        traffic.observe(new ObservedTraffic.Observed(getWebhook, "GET", "/partoo/v2/webhooks/1", CREDENTIAL, null,
                List.of(), true, 0, Map.of(), null, null, "The upstream did not answer within 500 ms.", 500));
        RunResult run = traffic.result();
        assertEquals(Outcome.FAILED, outcome(run, Check.REQUEST_PARAMETER_CONFORMANCE));
        assertEquals(Outcome.FAILED, outcome(run, Check.RESPONSE_SCHEMA_CONFORMANCE));
        assertEquals(Outcome.FAILED, outcome(run, Check.NOT_A_SERVER_ERROR));
        assertEquals(2, traffic.withViolations());
    }

    @Test
    void theReportIsACheckReportOfObservedTrafficWithCredentialsMasked() {
        ObservedTraffic traffic = new ObservedTraffic(spec, "http://127.0.0.1:8080/partoo/v2 -> https://sandbox");
        traffic.observe(read("/partoo/v2/webhooks/1", List.of(), 200, RECORD.replace(",\"url\":\"https://example.com\"", "")));
        traffic.observe(new ObservedTraffic.Observed(null, "DELETE", "/partoo/v2/webhooks/1", CREDENTIAL, null,
                List.of(), true, 405, Map.of(), "", null, null, 2));
        traffic.note("Recorded partoo record 1 as answered, though it breaks the spec.");
        String markdown = Reports.markdown(List.of(traffic.result()));
        assertTrue(markdown.contains("Observed traffic: the requests clients sent through hookstub proxy"), markdown);
        assertFalse(markdown.contains("Seed `"), markdown);
        assertTrue(markdown.contains("| operation | request_parameter_conformance | request_body_conformance |"
                + " not_a_server_error |"), markdown);
        assertFalse(markdown.contains("tenant_isolation"), "only the checks made: " + markdown);
        assertTrue(markdown.contains("1 request(s) the spec documents no operation for: DELETE /partoo/v2/webhooks/1"
                + " (1)."), markdown);
        assertTrue(markdown.contains("Recorded partoo record 1 as answered"), markdown);
        assertTrue(markdown.contains("violation at `/url`"), markdown);
        assertTrue(markdown.contains("header: `x-APIKey: ***`"), markdown);
        assertFalse(markdown.contains("partoo_secret_key_123"), markdown);
        String xml = Reports.xml(List.of(traffic.result()));
        assertTrue(xml.contains("<property name=\"observed\" value=\"hookstub proxy\""), xml);
    }

    @Test
    void credentialsTheSpecDoesNotNameAreMaskedByTheirNames() {
        // A sandbox's traffic carries credentials its document never names: a token header, a token in the URL.
        ObservedTraffic traffic = new ObservedTraffic(spec, "here -> there");
        // A 500, so that the report shows the exchange in full.
        AnswerValidator.Verdict verdict = answers.validate(getWebhook, true, 500, "application/json", RECORD,
                Map.of());
        traffic.observe(new ObservedTraffic.Observed(getWebhook, "GET",
                "/partoo/v2/webhooks/1?access_token=sk_live_0123456789&Api-Key=k3y_4567&page=2#top",
                List.of("x-APIKey", "partoo_secret_key_123", "X-Auth-Token", "tok_9f8e7d6c5b4a"), null, List.of(),
                true, 500, Map.of("content-type", List.of("application/json")), RECORD, verdict, null, 3));
        String markdown = Reports.markdown(List.of(traffic.result()));
        assertTrue(markdown.contains("webhooks/1?access_token=***&Api-Key=***&page=2#top"), markdown);
        assertTrue(markdown.contains("`X-Auth-Token: ***`"), markdown);
        for (String secret : List.of("sk_live_0123456789", "k3y_4567", "tok_9f8e7d6c5b4a", "partoo_secret_key_123")) {
            assertFalse(markdown.contains(secret), secret + " in " + markdown);
        }
    }

    @Test
    void aRequestBodyShowsWithItsSecretMembersMasked() {
        // A create that breaks the spec (no url), so that the report shows the request in full.
        OpenApiSpec mkp = Preset.MIJNKLANTPORTAAL.spec();
        Operation create = mkp.operation("create-webhook");
        String body = "{\"type\":\"customer-created\",\"signing_secret\":\"whsec_live_5f4e3d2c\",\"org_id\":1}";
        String markdown = traffic(mkp, create, body, "application/json");
        String form = "client_id=app&client_secret=cs_live_9a8b7c&grant_type=client_credentials";
        markdown += traffic(mkp, create, form, "application/x-www-form-urlencoded");
        assertTrue(markdown.contains("\"signing_secret\":\"***\",\"org_id\":1"), markdown);
        assertTrue(markdown.contains("client_id=app&client_secret=***&grant_type"), markdown);
        assertFalse(markdown.contains("whsec_live_5f4e3d2c") || markdown.contains("cs_live_9a8b7c"), markdown);
    }

    private static String traffic(OpenApiSpec mkp, Operation create, String body, String contentType) {
        ObservedTraffic traffic = new ObservedTraffic(mkp, "here -> there");
        traffic.observe(new ObservedTraffic.Observed(create, "POST", "/mijnklantportaal/v1/webhooks",
                List.of("Authorization", "Bearer mkp_test_key", "Content-Type", contentType), body,
                List.of(new Violation(RequestValidator.BODY, "", "required property 'url' not found")), true, 400,
                Map.of("content-type", List.of("application/json")), "{\"error\":\"url is required\"}",
                null, null, 3));
        return Reports.markdown(List.of(traffic.result()));
    }

    @Test
    void aRunOfTheEngineMakesNoneOfTheClientRequestChecks() {
        assertFalse(Check.ofTheEngine().contains(Check.REQUEST_PARAMETER_CONFORMANCE));
        assertFalse(RunSettings.defaults().checks().contains(Check.REQUEST_BODY_CONFORMANCE));
        assertEquals(Check.values().length - 2, Check.ofTheEngine().size());
    }
}
