package dev.hookstub.conformance.equalsmoney;

import static dev.hookstub.conformance.support.ErrorFormatAssertions.assertErrorFormat;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.conformance.support.ConformanceTarget;
import dev.hookstub.conformance.support.ConformanceTest;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.conformance.spec.SpecValidationFilter;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@ConformanceTest(Preset.EQUALSMONEY)
class EqualsMoneyConformanceTest {

    private static final Preset API = Preset.EQUALSMONEY;
    private static final String OPERATION = "findOneWebhook";
    private static final String EXAMPLE =
            "/paths/~1webhooks~1{webhookId}/get/responses/200/content/application~1json/schema/example";
    private static final String EXAMPLE_ID = EXAMPLE + "/id";
    private static final String UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
    /** ISO 8601 without milliseconds, as the spec describes createdAt and updatedAt. */
    private static final String SECONDS_TIMESTAMP = "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)$";

    /** A request with another of the stub's keys, its response still validated against the spec. */
    private static RequestSpecification validatedWith(ConformanceTarget target, String key) {
        return target.withCredential(API, key)
                .filter(new SpecValidationFilter(API.spec(), target.serverUrl(API)));
    }

    @Nested
    class GetWebhook {

        @Test
        void getWebhookShouldReturnTheRecord(ConformanceTarget target) {
            String id = target.webhookId(API, EXAMPLE_ID);
            target.given(API).get("/webhooks/{webhookId}", id)
                    .then().statusCode(200)
                    .body("id", equalTo(id))
                    .body("createdAt", matchesPattern(SECONDS_TIMESTAMP))
                    .body("updatedAt", matchesPattern(SECONDS_TIMESTAMP));
        }

        @Test
        void getWebhookShouldReturnTheSpecExampleTheStubIsSeededWith(ConformanceTarget target) throws Exception {
            assumeFalse(target.external(), "only the stub is seeded with the spec's example");
            Response response = target.given(API).get("/webhooks/{webhookId}", target.webhookId(API, EXAMPLE_ID));
            response.then().statusCode(200)
                    .body("accountId", equalTo("F50091"))
                    .body("createdAt", equalTo("2019-08-24T14:15:22Z"))
                    .body("updatedAt", equalTo("2019-08-24T14:15:22Z"));
            JsonNode body = new ObjectMapper().readTree(response.asString());
            assertThat(body, equalTo(API.spec().at(EXAMPLE)));
        }

        @Test
        void getWebhookShouldTreatTheUuidCaseInsensitively(ConformanceTarget target) {
            String id = target.webhookId(API, EXAMPLE_ID);
            target.given(API).get("/webhooks/{webhookId}", id.toUpperCase(Locale.ROOT))
                    .then().statusCode(200).body("id", equalTo(id.toLowerCase(Locale.ROOT)));
        }

        @Test
        void getWebhookShouldReturnTheRecordWhenNamingItsOwnAccount(ConformanceTarget target) {
            String id = target.webhookId(API, EXAMPLE_ID);
            String accountId = target.given(API).get("/webhooks/{webhookId}", id).then().statusCode(200)
                    .extract().path("accountId");
            assertThat(accountId, notNullValue());
            target.given(API).queryParam("accountId", accountId).get("/webhooks/{webhookId}", id)
                    .then().statusCode(200).body("id", equalTo(id)).body("accountId", equalTo(accountId));
        }

        @Test
        void getWebhookShouldReturn404NamingTheFieldForAnIdThatIsNotAUuid(ConformanceTarget target) {
            Response response = target.unvalidated(API).get("/webhooks/{webhookId}", "not-a-uuid");
            assertErrorFormat(API, OPERATION, 404, response);
            response.then().body("field", equalTo("webhookId"));
        }

        @Test
        void getWebhookShouldReturn404ForAnUnknownId(ConformanceTarget target) {
            Response response = target.unvalidated(API).get("/webhooks/{webhookId}", UNKNOWN_ID);
            assertErrorFormat(API, OPERATION, 404, response);
            response.then().body("message", containsString("Webhook"));
        }

        @Test
        void getWebhookShouldReturn401WithoutCredentials(ConformanceTarget target) {
            Response response = target.anonymous(API).get("/webhooks/{webhookId}", target.webhookId(API, EXAMPLE_ID));
            assertErrorFormat(API, OPERATION, 401, response);
        }

        @Test
        void getWebhookShouldReturn401ForAWrongKey(ConformanceTarget target) {
            Response response = target.withCredential(API, "equals_wrong_key")
                    .get("/webhooks/{webhookId}", target.webhookId(API, EXAMPLE_ID));
            assertErrorFormat(API, OPERATION, 401, response);
        }
    }

    @Nested
    class Scopes {

        @Test
        void aKeyThatReadsItsOwnAccountShouldGet403WhenNamingAnotherAccount(ConformanceTarget target) {
            assumeFalse(target.external(), "needs the stub's default key, scoped webhooks:read:own");
            Response response = target.unvalidated(API).queryParam("accountId", "OTHER")
                    .get("/webhooks/{webhookId}", target.webhookId(API, EXAMPLE_ID));
            assertErrorFormat(API, OPERATION, 403, response);
        }

        @Test
        void aKeyWithoutAWebhookScopeShouldGet403(ConformanceTarget target) {
            assumeFalse(target.external(), "needs the stub's equals_noscope_key");
            Response response = target.withCredential(API, "equals_noscope_key")
                    .get("/webhooks/{webhookId}", target.webhookId(API, EXAMPLE_ID));
            assertErrorFormat(API, OPERATION, 403, response);
        }

        @Test
        void aKeyThatReadsAnyAccountShouldGetTheRecordWithoutNamingAnAccount(ConformanceTarget target) {
            assumeFalse(target.external(), "needs the stub's equals_any_key");
            String id = target.webhookId(API, EXAMPLE_ID);
            validatedWith(target, "equals_any_key").get("/webhooks/{webhookId}", id)
                    .then().statusCode(200).body("id", equalTo(id)).body("accountId", equalTo("F50091"));
        }

        @Test
        void aKeyThatReadsAnyAccountShouldGetTheRecordWhenNamingItsAccount(ConformanceTarget target) {
            assumeFalse(target.external(), "needs the stub's equals_any_key");
            String id = target.webhookId(API, EXAMPLE_ID);
            validatedWith(target, "equals_any_key").queryParam("accountId", "F50091").get("/webhooks/{webhookId}", id)
                    .then().statusCode(200).body("id", equalTo(id)).body("accountId", equalTo("F50091"));
        }

        @Test
        void aKeyThatReadsAnyAccountShouldGet404WhenNamingAnotherAccount(ConformanceTarget target) {
            assumeFalse(target.external(), "needs the stub's equals_any_key");
            Response response = target.withCredential(API, "equals_any_key").queryParam("accountId", "OTHER")
                    .get("/webhooks/{webhookId}", target.webhookId(API, EXAMPLE_ID));
            assertErrorFormat(API, OPERATION, 404, response);
        }
    }
}
