package dev.hookstub.server.fault;

import static dev.hookstub.server.fault.FaultStub.MKP;
import static dev.hookstub.server.fault.FaultStub.MKP_GET;
import static dev.hookstub.server.fault.FaultStub.MOLLIE;
import static dev.hookstub.server.fault.FaultStub.MOLLIE_GET;
import static dev.hookstub.server.fault.FaultStub.PARTOO;
import static dev.hookstub.server.fault.FaultStub.PARTOO_GET;
import static dev.hookstub.server.fault.FaultStub.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.server.spec.SpecFile;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code Prefer: code=NNN} answers what the operation documents for that status, in the API's own format. */
class PreferHeaderTest extends WithAndWithoutFastPath {

    private static final String MOLLIE_OPERATION = "/paths/~1v2~1webhooks~1{webhookId}/get/responses/";

    @ParameterizedTest(name = "fast path {0}")
    @ValueSource(booleans = {true, false})
    void aDocumentedStatusWithAnExampleAnswersTheExampleWithItsMediaType(boolean fastPath) {
        FaultStub stub = stub(fastPath);
        HttpResponse<String> answer = stub.http.get(MOLLIE_GET, "Prefer", "code=422", MOLLIE[0], MOLLIE[1]);
        assertEquals(422, answer.statusCode(), answer.body());
        assertEquals("application/hal+json", answer.headers().firstValue("Content-Type").orElseThrow());
        JsonNode documented = SpecFile.load("mollie.json").spec()
                .node(MOLLIE_OPERATION + "422/content/application~1hal+json/example");
        assertTrue(documented.isObject(), "the spec's own example");
        assertEquals(documented, json(answer.body()));
    }

    @Test
    void code200AnswersTheSpecsExampleNotTheStoredRecordAndBypassesTheFastPath() {
        long before = fast.server.fastPathServed("partoo");
        HttpResponse<String> answer = fast.http.get("/partoo/v2/webhooks/424242", "Prefer", "code=200", PARTOO[0], PARTOO[1]);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode body = json(answer.body());
        assertEquals(1, body.get("id").asInt(), "the spec's example, though no webhook 424242 exists");
        assertEquals("business_created", body.get("event_type").asText());
        assertEquals(before, fast.server.fastPathServed("partoo"));
    }

    @ParameterizedTest(name = "fast path {0}")
    @ValueSource(booleans = {true, false})
    void aDocumentedErrorWithoutAnExampleIsAProblemInTheApisFormat(boolean fastPath) {
        FaultStub stub = stub(fastPath);
        HttpResponse<String> mkp = stub.http.get(MKP_GET, "Prefer", "code=404", MKP[0], MKP[1]);
        assertEquals(404, mkp.statusCode());
        assertEquals(json("{\"message\": \"No Webhook record can be found for the given ID\"}"), json(mkp.body()));
        HttpResponse<String> partoo = stub.http.get(PARTOO_GET, "Prefer", "code=401");
        assertEquals(401, partoo.statusCode());
        assertEquals("application/json", partoo.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(json("{\"errors\": {\"authentication\": \"You are not authenticated\"}}"), json(partoo.body()));
    }

    @ParameterizedTest(name = "fast path {0}")
    @ValueSource(booleans = {true, false})
    void anUndocumentedStatusIs400InTheApisFormatListingTheDocumentedOnes(boolean fastPath) {
        FaultStub stub = stub(fastPath);
        HttpResponse<String> answer = stub.http.get(MOLLIE_GET, "Prefer", "code=500", MOLLIE[0], MOLLIE[1]);
        assertEquals(400, answer.statusCode());
        assertEquals("application/hal+json", answer.headers().firstValue("Content-Type").orElseThrow());
        JsonNode body = json(answer.body());
        assertEquals(400, body.get("status").asInt());
        assertEquals("Prefer: code=500 is not a status the get-webhook operation documents; it documents 200, 404, 422.",
                body.get("detail").asText());
        assertEquals(400, stub.http.get(MOLLIE_GET, "Prefer", "code=abc", MOLLIE[0], MOLLIE[1]).statusCode());
    }

    @Test
    void preferNeedsNoCredentialBecauseItAsksTheStubNotTheProvider() {
        HttpResponse<String> answer = fast.http.get(MKP_GET, "Prefer", "code=200");
        assertEquals(200, answer.statusCode());
        assertEquals("wbh_abc12345def678", json(answer.body()).get("id").asText());
        assertEquals(401, fast.http.get(MKP_GET).statusCode(), "without Prefer the credential is required as ever");
    }

    @Test
    void aPreferWithoutACodeOrOnAPathThatIsNoOperationIsServedAsUsual() {
        assertEquals(200, fast.http.get(MOLLIE_GET, "Prefer", "return=minimal", MOLLIE[0], MOLLIE[1]).statusCode());
        assertEquals(404, fast.http.get("/partoo/v2/nothing-here", "Prefer", "code=200", PARTOO[0], PARTOO[1])
                .statusCode());
    }

    /** RFC 9110 §9.3.2: a HEAD is its GET without the body; Prefer and a rule for the GET's operation held for GETs only. */
    @ParameterizedTest(name = "fast path {0}")
    @ValueSource(booleans = {true, false})
    void aHeadIsAnsweredAsItsGetWouldBe(boolean fastPath) {
        FaultStub stub = stub(fastPath);
        HttpResponse<String> preferred = stub.http.send("HEAD", MKP_GET, null, "Prefer", "code=404", MKP[0], MKP[1]);
        assertEquals(404, preferred.statusCode());
        assertEquals("", preferred.body(), "no body for a HEAD");
        stub.addRule("mijnklantportaal", "{\"operation\": \"get-webhook\", \"status\": 429, \"times\": 1}");
        assertEquals(429, stub.http.send("HEAD", MKP_GET, null, MKP[0], MKP[1]).statusCode());
        assertEquals(200, stub.http.send("HEAD", MKP_GET, null, MKP[0], MKP[1]).statusCode(), "once, as the rule says");
    }

    @Test
    void aFaultRuleComesBeforePreferAndADelayThenLetsPreferAnswer() {
        fast.addRule("mollie", "{\"status\": 503, \"times\": 1}");
        fast.addRule("mollie", "{\"delay\": {\"fixedMs\": 100}}");
        assertEquals(503, fast.http.get(MOLLIE_GET, "Prefer", "code=404", MOLLIE[0], MOLLIE[1]).statusCode());
        HttpResponse<String> delayed = fast.http.get(MOLLIE_GET, "Prefer", "code=404", MOLLIE[0], MOLLIE[1]);
        assertEquals(404, delayed.statusCode());
        assertEquals(404, json(delayed.body()).get("status").asInt());
    }
}
