package dev.hookstub.server.fault;

import static dev.hookstub.server.fault.FaultStub.MOLLIE;
import static dev.hookstub.server.fault.FaultStub.MOLLIE_GET;
import static dev.hookstub.server.fault.FaultStub.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubExtension;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code /__admin/{api}/faults}: rules are added, listed, deleted and cleared, and a malformed one changes nothing. */
class FaultAdminTest {

    @RegisterExtension
    static final HookstubExtension running = HookstubExtension.with(Hookstub.defaultConfig());

    private static FaultStub stub;

    @BeforeAll
    static void faultStub() {
        stub = new FaultStub(running.hookstub());
    }

    @Test
    void anAddedRuleIsAnsweredWithItsIdAndListedInTheOrderAdded() {
        JsonNode first = stub.addRule("mollie", """
                {"operation": "get-webhook", "credential": "access_oauth_test_token", "times": 3, "status": 429}""");
        JsonNode second = stub.addRule("mollie", """
                {"fraction": 0.25, "seed": 1, "delay": {"lognormal": {"medianMs": 80, "sigma": 0.4}}}""");
        assertEquals(json("""
                {"id": "%s", "operation": "get-webhook", "credential": "access_oauth_test_token", "times": 3,
                 "remaining": 3, "status": 429, "headers": {"Retry-After": "1"}, "applied": 0}"""
                .formatted(first.get("id").asText())), first);
        assertEquals(json("""
                {"id": "%s", "fraction": 0.25, "seed": 1, "delay": {"lognormal": {"medianMs": 80.0, "sigma": 0.4}},
                 "applied": 0}""".formatted(second.get("id").asText())), second);
        assertTrue(first.get("id").asText().matches("flt_[0-9]+"), first.toString());
        assertEquals(json("[" + first + "," + second + "]"), stub.rules("mollie"));
        assertEquals(0, stub.rules("partoo").size(), "each API has its own rules");
    }

    @Test
    void aRuleIsDeletedByIdAndThenNoLongerApplies() {
        String id = stub.addRule("mollie", "{\"status\": 503}").get("id").asText();
        assertEquals(503, stub.http.get(MOLLIE_GET, MOLLIE).statusCode());
        assertEquals(204, stub.adminHttp.delete("/__admin/mollie/faults/" + id).statusCode());
        assertEquals(0, stub.rules("mollie").size());
        assertEquals(200, stub.http.get(MOLLIE_GET, MOLLIE).statusCode());
        HttpResponse<String> again = stub.adminHttp.delete("/__admin/mollie/faults/" + id);
        assertEquals(404, again.statusCode());
        assertTrue(json(again.body()).get("message").asText().contains(id), again.body());
    }

    @Test
    void deletingAnApisRulesClearsThatApiOnly() {
        stub.addRule("mollie", "{\"status\": 503}");
        stub.addRule("mollie", "{\"status\": 500}");
        stub.addRule("partoo", "{\"status\": 500}");
        assertEquals(204, stub.adminHttp.delete("/__admin/mollie/faults").statusCode());
        assertEquals(0, stub.rules("mollie").size());
        assertEquals(1, stub.rules("partoo").size());
    }

    @Test
    void anUnknownApiIs404AndTheAdminTokenIsRequired() {
        HttpResponse<String> unknown = stub.adminHttp.post("/__admin/stripe/faults", "{\"status\": 500}");
        assertEquals(404, unknown.statusCode());
        assertTrue(json(unknown.body()).has("message"), unknown.body());
        assertEquals(404, stub.adminHttp.get("/__admin/stripe/faults").statusCode());
        assertEquals(404, stub.adminHttp.delete("/__admin/stripe/faults/flt_1").statusCode());
        assertEquals(401, stub.http.post("/__admin/mollie/faults", "{\"status\": 500}").statusCode());
        assertEquals(401, stub.http.get("/__admin/mollie/faults").statusCode());
        assertEquals(0, stub.rules("mollie").size());
    }

    static Stream<Arguments> malformedRules() {
        return Stream.of(
                Arguments.of("{\"status\": 200}", "status"),
                Arguments.of("{\"status\": 600}", "status"),
                Arguments.of("{\"status\": \"429\"}", "status"),
                Arguments.of("{\"fault\": \"CONNECTION_REFUSED\"}", "fault"),
                Arguments.of("{\"status\": 429, \"fault\": \"EMPTY_RESPONSE\"}", "fault"),
                Arguments.of("{\"delay\": {\"fixedMs\": 10}, \"status\": 500}", "status"),
                Arguments.of("{\"status\": 500, \"times\": 0}", "times"),
                Arguments.of("{\"status\": 500, \"times\": -2}", "times"),
                Arguments.of("{\"status\": 500, \"fraction\": 0}", "fraction"),
                Arguments.of("{\"status\": 500, \"fraction\": 1.5}", "fraction"),
                Arguments.of("{\"delay\": {\"fixedMs\": 60001}}", "delay.fixedMs"),
                Arguments.of("{\"delay\": {\"fixedMs\": -1}}", "delay.fixedMs"),
                Arguments.of("{\"delay\": {\"lognormal\": {\"medianMs\": 70000, \"sigma\": 0.4}}}",
                        "delay.lognormal.medianMs"),
                Arguments.of("{\"delay\": {\"lognormal\": {\"medianMs\": 80}}}", "delay.lognormal.sigma"),
                Arguments.of("{\"delay\": {\"fixedMs\": 10, \"lognormal\": {\"medianMs\": 80, \"sigma\": 0.4}}}", "delay"),
                Arguments.of("{\"delay\": {}}", "delay"),
                Arguments.of("{\"operation\": \"list-webhooks\", \"status\": 500}", "operation"),
                Arguments.of("{\"status\": 500, \"colour\": \"red\"}", "colour"),
                Arguments.of("{\"delay\": {\"fixedMs\": 10}, \"headers\": {\"X-A\": \"b\"}}", "headers"),
                Arguments.of("{\"fault\": \"EMPTY_RESPONSE\", \"message\": \"m\"}", "message"),
                Arguments.of("{\"status\": 500, \"headers\": {\"Content-Length\": \"5\"}}", "headers.Content-Length"),
                Arguments.of("{\"status\": 500, \"headers\": {\"X-A\": \"b\\r\\nX-B: c\"}}", "headers.X-A"),
                // Grizzly wrote it as a space: what was asked for would not be what was sent.
                Arguments.of("{\"status\": 500, \"headers\": {\"X-A\": \"caf\u00e9\"}}", "headers.X-A"),
                Arguments.of("{\"status\": 500, \"seed\": 4}", "seed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRules")
    void aMalformedRuleIs400NamingTheFieldAndChangesNothing(String rule, String field) {
        JsonNode kept = stub.addRule("mollie", "{\"status\": 503, \"times\": 1}");
        HttpResponse<String> refused = stub.adminHttp.post("/__admin/mollie/faults", rule);
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("application/json", refused.headers().firstValue("Content-Type").orElseThrow());
        JsonNode body = json(refused.body());
        assertEquals(field, body.path("field").asText(null), refused.body());
        assertFalse(body.get("message").asText().isBlank());
        assertEquals(json("[" + kept + "]"), stub.rules("mollie"));
    }

    @Test
    void aRuleWithoutAnEffectIs400SayingWhichEffectsThereAre() {
        HttpResponse<String> refused = stub.adminHttp.post("/__admin/mollie/faults", "{\"operation\": \"get-webhook\"}");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("delay, status or fault"), refused.body());
        assertEquals(0, stub.rules("mollie").size());
    }

    @Test
    void aBodyThatIsNotAnObjectIs400() {
        assertEquals(400, stub.adminHttp.post("/__admin/mollie/faults", "[]").statusCode());
        assertEquals(400, stub.adminHttp.post("/__admin/mollie/faults", "{").statusCode());
        assertEquals(400, stub.adminHttp.post("/__admin/mollie/faults", null).statusCode());
        assertEquals(0, stub.rules("mollie").size());
    }
}
