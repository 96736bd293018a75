package dev.hookstub.conformance.partoo;

import static dev.hookstub.conformance.support.ErrorFormatAssertions.assertErrorFormat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.conformance.support.ConformanceTarget;
import dev.hookstub.conformance.support.ConformanceTest;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.conformance.spec.SpecValidationFilter;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@ConformanceTest(Preset.PARTOO)
class PartooConformanceTest {

    private static final Preset API = Preset.PARTOO;
    private static final String OPERATION = "getWebhook";
    private static final String EXAMPLE_ID = "/components/schemas/WebhookItem/properties/id/example";
    private static final int UNKNOWN_ID = 987_654_321;
    private static final String PROVIDER_KEY = "partoo_provider_key";
    /** Microseconds and Z, as the spec's examples write created_at and updated_at. */
    private static final String MICROS_TIMESTAMP = "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z$";

    /** A request with another of the stub's keys, its response still validated against the spec. */
    private static RequestSpecification validatedWith(ConformanceTarget target, String key) {
        return target.withCredential(API, key)
                .filter(new SpecValidationFilter(API.spec(), target.serverUrl(API)));
    }

    private static int orgOf(ConformanceTarget target, String id) {
        return target.given(API).get("/webhooks/{webhook_id}", id).then().statusCode(200).extract().path("org_id");
    }

    @Nested
    class GetWebhook {

        @Test
        void getWebhookShouldReturnTheRecord(ConformanceTarget target) {
            String id = target.webhookId(API, EXAMPLE_ID);
            target.given(API).get("/webhooks/{webhook_id}", id)
                    .then().statusCode(200)
                    .body("id", equalTo(Integer.parseInt(id)))
                    .body("created_at", matchesPattern(MICROS_TIMESTAMP))
                    .body("updated_at", matchesPattern(MICROS_TIMESTAMP));
        }

        @Test
        void getWebhookShouldReturnTheRecordBuiltFromTheSpecExamplesTheStubIsSeededWith(ConformanceTarget target) {
            assumeFalse(target.external(), "only the stub is seeded from the spec's examples");
            target.given(API).get("/webhooks/{webhook_id}", target.webhookId(API, EXAMPLE_ID))
                    .then().statusCode(200)
                    .body("id", equalTo(1))
                    .body("org_id", equalTo(1))
                    .body("url", equalTo("https://example.com/webhook"))
                    .body("event_type", equalTo("business_created"))
                    .body("created_at", equalTo("2024-11-27T16:10:44.929678Z"))
                    .body("updated_at", equalTo("2024-11-27T16:10:44.929678Z"))
                    .body("custom_headers", aMapWithSize(2))
                    .body("custom_headers", hasEntry("X-My-Header", "my-value"))
                    .body("custom_headers", hasEntry("X-Auth-Token", "secret-token"));
        }

        @Test
        void getWebhookShouldReturnTheRecordWhenNamingItsOrganisation(ConformanceTarget target) {
            String id = target.webhookId(API, EXAMPLE_ID);
            int org = orgOf(target, id);
            target.given(API).queryParam("org_id", org).get("/webhooks/{webhook_id}", id)
                    .then().statusCode(200).body("id", equalTo(Integer.parseInt(id))).body("org_id", equalTo(org));
        }

        @Test
        void getWebhookShouldReturn404ForAnIdThatIsNotAnInteger(ConformanceTarget target) {
            target.given(API).get("/webhooks/{webhook_id}", "abc")
                    .then().statusCode(404).body("errors.json", not(emptyOrNullString()));
        }

        @Test
        void getWebhookShouldReturn404ForAnUnknownId(ConformanceTarget target) {
            target.given(API).get("/webhooks/{webhook_id}", UNKNOWN_ID)
                    .then().statusCode(404).body("errors.json", not(emptyOrNullString()));
        }

        @Test
        void getWebhookShouldReturn400NamingTheQueryParameterForAnOrgIdThatIsNotAnInteger(ConformanceTarget target) {
            Response response = target.unvalidated(API).queryParam("org_id", "abc")
                    .get("/webhooks/{webhook_id}", target.webhookId(API, EXAMPLE_ID));
            assertErrorFormat(API, OPERATION, 400, response);
            response.then().body("errors.query.org_id", hasSize(1))
                    .body("errors.query.org_id", contains(not(emptyOrNullString())));
        }

        @Test
        void getWebhookShouldReturn401WithoutCredentials(ConformanceTarget target) {
            Response response = target.anonymous(API).get("/webhooks/{webhook_id}", target.webhookId(API, EXAMPLE_ID));
            assertErrorFormat(API, OPERATION, 401, response);
            response.then().body("errors.authentication", equalTo("User not authenticated"));
        }

        @Test
        void getWebhookShouldReturn401ForAWrongKey(ConformanceTarget target) {
            Response response = target.withCredential(API, "partoo_wrong_key")
                    .get("/webhooks/{webhook_id}", target.webhookId(API, EXAMPLE_ID));
            assertErrorFormat(API, OPERATION, 401, response);
            response.then().body("errors.authentication", equalTo("User not authenticated"));
        }
    }

    @Nested
    class Organisations {

        @Test
        void anOrgAdminNamingAnotherOrganisationShouldGet403(ConformanceTarget target) {
            assumeFalse(target.external(), "needs the stub's default key, an ORG_ADMIN of organisation 1");
            target.given(API).queryParam("org_id", 2).get("/webhooks/{webhook_id}", target.webhookId(API, EXAMPLE_ID))
                    .then().statusCode(403).body("errors.authorization", equalTo("Operation not allowed"));
        }

        /**
         * The spec's org_id is "only required for PROVIDER users", and the read declares no 400: a PROVIDER that
         * names no organisation is refused with the 403 it declares.
         */
        @Test
        void aProviderNamingNoOrganisationShouldGet403(ConformanceTarget target) {
            assumeFalse(target.external(), "needs the stub's PROVIDER key");
            validatedWith(target, PROVIDER_KEY).get("/webhooks/{webhook_id}", target.webhookId(API, EXAMPLE_ID))
                    .then().statusCode(403).body("errors.authorization", containsString("org_id is required"));
        }

        @Test
        void aProviderShouldGetTheRecordWhenNamingItsOrganisation(ConformanceTarget target) {
            assumeFalse(target.external(), "needs the stub's PROVIDER key");
            String id = target.webhookId(API, EXAMPLE_ID);
            validatedWith(target, PROVIDER_KEY).queryParam("org_id", 1).get("/webhooks/{webhook_id}", id)
                    .then().statusCode(200).body("id", equalTo(Integer.parseInt(id))).body("org_id", equalTo(1));
        }

        @Test
        void aProviderNamingAnotherOrganisationThanTheRecordsShouldGet403(ConformanceTarget target) {
            assumeFalse(target.external(), "needs the stub's PROVIDER key");
            validatedWith(target, PROVIDER_KEY).queryParam("org_id", 2)
                    .get("/webhooks/{webhook_id}", target.webhookId(API, EXAMPLE_ID))
                    .then().statusCode(403).body("errors.authorization", equalTo("Operation not allowed"));
        }

        @Test
        void aProviderAskingForAnUnknownIdShouldGet404(ConformanceTarget target) {
            assumeFalse(target.external(), "needs the stub's PROVIDER key");
            validatedWith(target, PROVIDER_KEY).queryParam("org_id", 1).get("/webhooks/{webhook_id}", UNKNOWN_ID)
                    .then().statusCode(404).body("errors.json", not(emptyOrNullString()));
        }
    }
}
