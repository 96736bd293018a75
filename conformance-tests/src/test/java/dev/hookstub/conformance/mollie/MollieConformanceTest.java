package dev.hookstub.conformance.mollie;

import static dev.hookstub.conformance.support.ErrorFormatAssertions.assertErrorFormat;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.conformance.support.ConformanceTarget;
import dev.hookstub.conformance.support.ConformanceTest;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.conformance.spec.SpecValidationFilter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@ConformanceTest(Preset.MOLLIE)
class MollieConformanceTest {

    private static final Preset API = Preset.MOLLIE;
    private static final String OPERATION = "get-webhook";
    private static final String PATH = "/v2/webhooks/{webhookId}";
    private static final String EXAMPLE =
            "/paths/~1v2~1webhooks~1{webhookId}/get/responses/200/content/application~1hal+json/examples/get-webhook-200/value";
    private static final String EXAMPLE_ID = EXAMPLE + "/id";
    private static final String UNKNOWN_ID = "hook_doesnotexist000000";
    private static final String HAL_JSON = "application/hal+json";
    private static final String DOCUMENTATION = "https://docs.mollie.com/reference/get-webhook";
    /** Seconds and a numeric offset, as the spec's examples write createdAt. */
    private static final String OFFSET_TIMESTAMP = "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d$";

    /** A request with another of the stub's tokens, its response still validated against the spec. */
    private static RequestSpecification validatedWith(ConformanceTarget target, String token) {
        return target.withCredential(API, token)
                .filter(new SpecValidationFilter(API.spec(), target.serverUrl(API)));
    }

    /** The error body every Mollie error carries, whatever its status. */
    private static void assertMollieError(Response response, int status) {
        response.then().statusCode(status)
                .contentType(startsWith(HAL_JSON))
                .body("status", equalTo(status))
                .body("title", not(emptyOrNullString()))
                .body("detail", not(emptyOrNullString()))
                .body("_links.documentation.href", startsWith("https://docs.mollie.com/"))
                .body("_links.documentation.type", equalTo("text/html"));
    }

    @Nested
    class GetWebhook {

        @Test
        void getWebhookShouldReturnTheTestModeRecordWithTestmodeTrue(ConformanceTarget target) {
            String id = target.webhookId(API, EXAMPLE_ID);
            target.given(API).queryParam("testmode", true).get(PATH, id)
                    .then().statusCode(200)
                    .contentType(startsWith(HAL_JSON))
                    .body("resource", equalTo("webhook"))
                    .body("id", equalTo(id))
                    .body("mode", equalTo("test"))
                    .body("createdAt", matchesPattern(OFFSET_TIMESTAMP))
                    .body("_links.self.type", equalTo(HAL_JSON))
                    .body("_links.documentation.href", equalTo(DOCUMENTATION))
                    .body("_links.documentation.type", equalTo("text/html"));
        }

        @Test
        void getWebhookShouldReturnTheSpecExampleTheStubIsSeededWith(ConformanceTarget target) throws Exception {
            assumeFalse(target.external(), "only the stub is seeded with the spec's example");
            String id = target.webhookId(API, EXAMPLE_ID);
            Response response = target.given(API).queryParam("testmode", true).get(PATH, id);
            response.then().statusCode(200).body("createdAt", equalTo("2024-12-06T10:09:56+00:00"));
            ObjectNode expected = (ObjectNode) API.spec().at(EXAMPLE);
            String selfHref = response.path("_links.self.href");
            ((ObjectNode) expected.path("_links").path("self")).put("href", selfHref);
            JsonNode body = new ObjectMapper().readTree(response.asString());
            assertThat(body, equalTo(expected));
        }

        @Test
        void selfLinkShouldBeTheAbsoluteRequestUrlIncludingTheQuery(ConformanceTarget target) {
            assumeFalse(target.external(), "another server may see itself under another URL than the one we call");
            String id = target.webhookId(API, EXAMPLE_ID);
            target.given(API).queryParam("testmode", true).get(PATH, id)
                    .then().statusCode(200)
                    .body("_links.self.href", equalTo(target.serverUrl(API) + "/v2/webhooks/" + id + "?testmode=true"));
        }

        @Test
        void getWebhookShouldAnswerHalJsonEvenWhenTheClientAcceptsOnlyJson(ConformanceTarget target) {
            target.given(API).accept(ContentType.JSON).queryParam("testmode", true)
                    .get(PATH, target.webhookId(API, EXAMPLE_ID))
                    .then().statusCode(200).contentType(startsWith(HAL_JSON));
        }

        @Test
        void errorsShouldBeHalJsonEvenWhenTheClientAcceptsOnlyJson(ConformanceTarget target) {
            Response response = target.given(API).accept(ContentType.JSON).get(PATH, UNKNOWN_ID);
            assertMollieError(response, 404);
        }

        @Test
        void aTestModeRecordShouldBe404WithoutTestmode(ConformanceTarget target) {
            assumeFalse(target.external(), "needs the stub's test-mode seed record");
            Response response = target.given(API).get(PATH, target.webhookId(API, EXAMPLE_ID));
            assertMollieError(response, 404);
        }

        @Test
        void aTestModeRecordShouldBe404WithTestmodeFalse(ConformanceTarget target) {
            assumeFalse(target.external(), "needs the stub's test-mode seed record");
            Response response = target.given(API).queryParam("testmode", false).get(PATH, target.webhookId(API, EXAMPLE_ID));
            assertMollieError(response, 404);
        }

        @Test
        void getWebhookShouldReturn404ForAnUnknownId(ConformanceTarget target) {
            Response response = target.given(API).queryParam("testmode", true).get(PATH, UNKNOWN_ID);
            assertMollieError(response, 404);
            response.then().body("title", equalTo("Not Found")).body("detail", containsString(UNKNOWN_ID));
        }

        @Test
        void getWebhookShouldReturn404ForAnIdThatIsNotAWebhookId(ConformanceTarget target) {
            Response response = target.given(API).queryParam("testmode", true).get(PATH, "tr_WDqYK6vllg");
            assertMollieError(response, 404);
            // The spec: "the HTTP reason phrase of the error. For example, for a 404 error, the title will be Not Found."
            response.then().body("title", equalTo("Not Found"));
        }

        @Test
        void getWebhookShouldReturn422NamingTestmodeWhenItIsNotABoolean(ConformanceTarget target) {
            Response response = target.given(API).queryParam("testmode", "maybe").get(PATH, target.webhookId(API, EXAMPLE_ID));
            assertMollieError(response, 422);
            response.then().body("field", equalTo("testmode")).body("title", equalTo("Unprocessable Entity"));
        }
    }

    @Nested
    class Authentication {

        @Test
        void getWebhookShouldReturn401WithoutCredentials(ConformanceTarget target) {
            Response response = target.anonymous(API).get(PATH, target.webhookId(API, EXAMPLE_ID));
            assertErrorFormat(API, OPERATION, 401, response);
            assertMollieError(response, 401);
        }

        @Test
        void getWebhookShouldReturn401ForAnUnknownToken(ConformanceTarget target) {
            Response response = target.withCredential(API, "access_unknownTokenXXXXXXXXXXXXXXXXX")
                    .get(PATH, target.webhookId(API, EXAMPLE_ID));
            assertErrorFormat(API, OPERATION, 401, response);
            assertMollieError(response, 401);
        }

        @Test
        void anOAuthTokenWithWebhooksReadShouldGetTheRecord(ConformanceTarget target) {
            assumeFalse(target.external(), "needs the stub's OAuth token");
            String id = target.webhookId(API, EXAMPLE_ID);
            validatedWith(target, "access_oauth_test_token").queryParam("testmode", true).get(PATH, id)
                    .then().statusCode(200).body("id", equalTo(id));
        }

        @Test
        void aTokenWithoutWebhooksReadShouldGet403(ConformanceTarget target) {
            assumeFalse(target.external(), "needs the stub's token without webhooks.read");
            Response response = target.withCredential(API, "access_noscope_test_token").queryParam("testmode", true)
                    .get(PATH, target.webhookId(API, EXAMPLE_ID));
            assertErrorFormat(API, OPERATION, 403, response);
            assertMollieError(response, 403);
        }

        @Test
        void aTestApiKeyShouldGet403BecauseThisEndpointTakesOnlyTokens(ConformanceTarget target) {
            assumeFalse(target.external(), "needs the stub's test API key");
            Response response = target.withCredential(API, "test_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM")
                    .queryParam("testmode", true).get(PATH, target.webhookId(API, EXAMPLE_ID));
            assertErrorFormat(API, OPERATION, 403, response);
            assertMollieError(response, 403);
        }

        @Test
        void aLiveApiKeyShouldGet403BecauseThisEndpointTakesOnlyTokens(ConformanceTarget target) {
            assumeFalse(target.external(), "needs the stub's live API key");
            Response response = target.withCredential(API, "live_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM")
                    .get(PATH, target.webhookId(API, EXAMPLE_ID));
            assertErrorFormat(API, OPERATION, 403, response);
            assertMollieError(response, 403);
        }
    }
}
