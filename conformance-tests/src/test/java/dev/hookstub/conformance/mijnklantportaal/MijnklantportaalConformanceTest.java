package dev.hookstub.conformance.mijnklantportaal;

import static dev.hookstub.conformance.support.ErrorFormatAssertions.assertErrorFormat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.conformance.support.ConformanceTarget;
import dev.hookstub.conformance.support.ConformanceTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@ConformanceTest(Preset.MIJNKLANTPORTAAL)
class MijnklantportaalConformanceTest {

    private static final Preset API = Preset.MIJNKLANTPORTAAL;
    private static final String EXAMPLE_ID = "/components/schemas/Webhook/properties/id/example";

    @Nested
    class GetWebhook {

        @Test
        void getWebhookShouldReturnTheRecord(ConformanceTarget target) {
            String id = target.webhookId(API, EXAMPLE_ID);
            target.given(API).get("/webhooks/{id}", id)
                    .then().statusCode(200).body("id", equalTo(id));
        }

        @Test
        void getWebhookShouldReturn404InTheApiErrorFormatForAnUnknownId(ConformanceTarget target) {
            target.given(API).get("/webhooks/{id}", "wbh_doesnotexist00")
                    .then().statusCode(404).body("message", containsString("Webhook"));
        }

        @Test
        void getWebhookShouldReturn401WithoutCredentials(ConformanceTarget target) {
            Response response = target.anonymous(API).get("/webhooks/{id}", target.webhookId(API, EXAMPLE_ID));
            assertErrorFormat(API, "get-webhook", 401, response);
        }

        @Test
        void getWebhookShouldReturn401ForAWrongKey(ConformanceTarget target) {
            Response response = target.withCredential(API, "mkp_wrong_key")
                    .get("/webhooks/{id}", target.webhookId(API, EXAMPLE_ID));
            assertErrorFormat(API, "get-webhook", 401, response);
        }
    }

    @Nested
    class CreateWebhook {

        @Test
        void createWebhookShouldReturnTheRecordThatGetThenReturns(ConformanceTarget target) {
            assumeFalse(target.readOnly(), "read-only run: nothing is created");
            Response created = target.given(API).contentType(ContentType.JSON)
                    .body("""
                            {"url": "https://example.com/hooks/mkp", "type": "invoice-paid"}
                            """)
                    .post("/webhooks");
            created.then().statusCode(201)
                    .body("id", matchesPattern("^wbh_[a-z0-9]{14}$"))
                    .body("secret", matchesPattern("^[A-Za-z0-9]{20}$"))
                    .body("createdAt", matchesPattern("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d$"))
                    .body("url", equalTo("https://example.com/hooks/mkp"))
                    .body("type", equalTo("invoice-paid"));
            String id = created.path("id");
            target.given(API).get("/webhooks/{id}", id).then().statusCode(200)
                    .body("id", equalTo(id))
                    .body("secret", equalTo(created.path("secret")))
                    .body("createdAt", equalTo(created.path("createdAt")));
        }

        @Test
        void createWebhookShouldReturn422NamingTheMissingType(ConformanceTarget target) {
            target.given(API).contentType(ContentType.JSON).body("{\"url\": \"https://example.com/x\"}")
                    .post("/webhooks").then().statusCode(422).body("message", containsString("type"));
        }

        @Test
        void createWebhookShouldReturn422NamingTheMissingUrl(ConformanceTarget target) {
            target.given(API).contentType(ContentType.JSON).body("{\"type\": \"customer-created\"}")
                    .post("/webhooks").then().statusCode(422).body("message", containsString("url"));
        }

        @Test
        void createWebhookShouldReturn422WhenTypeIsUnknown(ConformanceTarget target) {
            target.given(API).contentType(ContentType.JSON)
                    .body("{\"url\": \"https://example.com/x\", \"type\": \"customer-exploded\"}")
                    .post("/webhooks").then().statusCode(422).body("message", containsString("type"));
        }

        @Test
        void createWebhookShouldReturn422WhenUrlIsNotAnAbsoluteHttpUrl(ConformanceTarget target) {
            target.given(API).contentType(ContentType.JSON)
                    .body("{\"url\": \"ftp://example.com/x\", \"type\": \"customer-created\"}")
                    .post("/webhooks").then().statusCode(422).body("message", containsString("url"));
        }

        @Test
        void createWebhookShouldReturn422ForAWrongType(ConformanceTarget target) {
            target.given(API).contentType(ContentType.JSON)
                    .body("{\"url\": 5, \"type\": \"customer-created\"}")
                    .post("/webhooks").then().statusCode(422).body("message", containsString("url"));
        }

        @Test
        void createWebhookShouldReturn422ForMalformedJson(ConformanceTarget target) {
            target.given(API).contentType(ContentType.JSON).body("{\"url\": ")
                    .post("/webhooks").then().statusCode(422).body("message", containsString("JSON"));
        }

        @Test
        void createWebhookShouldReturn422ForAMissingBody(ConformanceTarget target) {
            target.given(API).contentType(ContentType.JSON)
                    .post("/webhooks").then().statusCode(422).body("message", containsString("url"));
        }

        @Test
        void createWebhookShouldReturn401WithoutCredentials(ConformanceTarget target) {
            Response response = target.anonymous(API).contentType(ContentType.JSON)
                    .body("{\"url\": \"https://example.com/x\", \"type\": \"customer-created\"}").post("/webhooks");
            assertErrorFormat(API, "create-webhook", 401, response);
        }

        @Test
        void createWebhookShouldReturn415ForAnUnsupportedContentType(ConformanceTarget target) {
            Response response = target.unvalidated(API).contentType(ContentType.TEXT).body("url=x").post("/webhooks");
            assertErrorFormat(API, "create-webhook", 415, response);
        }
    }

    @Nested
    class Tenancy {

        @Test
        void anotherTenantsWebhookShouldBe404(ConformanceTarget target) {
            assumeFalse(target.external(), "tenancy needs the stub's second default tenant");
            String id = target.webhookId(API, EXAMPLE_ID);
            Response response = target.withCredential(API, "mkp_other_key").get("/webhooks/{id}", id);
            assertErrorFormat(API, "get-webhook", 404, response);
        }
    }
}
