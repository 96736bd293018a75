package dev.hookstub.conformance.client;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hookstub.client.equalsmoney.WebhooksApi;
import dev.hookstub.client.equalsmoney.model.EqualsmoneyFindOneWebhook200Response;
import dev.hookstub.client.mijnklantportaal.model.MijnklantportaalCreateWebhookRequest;
import dev.hookstub.client.mijnklantportaal.model.MijnklantportaalErrorApiError;
import dev.hookstub.client.mijnklantportaal.model.MijnklantportaalWebhook;
import dev.hookstub.client.mollie.model.MollieGetWebhook200Response;
import dev.hookstub.client.mollie.model.MollieGetWebhook404Response;
import dev.hookstub.client.partoo.model.PartooEventType;
import dev.hookstub.client.partoo.model.PartooNotFoundError;
import dev.hookstub.client.partoo.model.PartooWebhookItem;
import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.conformance.support.ConformanceTarget;
import dev.hookstub.conformance.support.ConformanceTest;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The Jersey clients generated from the specs, pointed at the server under test: every record they read must come
 * back as typed values equal to what is on the wire (read with REST-assured, validated against the spec), and a 404
 * must surface as the client's ApiException with code 404 and, where the spec declares one, its error model.
 */
@ConformanceTest
class GeneratedClientRoundTripTest {


    @Nested
    class Mijnklantportaal {

        private static final Preset API = Preset.MIJNKLANTPORTAAL;
        private static final String EXAMPLE_ID = "/components/schemas/Webhook/properties/id/example";

        private dev.hookstub.client.mijnklantportaal.WebhooksApi client(ConformanceTarget target) {
            assumeTrue(target.checks(API), "MijnKlantportaal is not checked in this run");
            dev.hookstub.client.mijnklantportaal.invoker.ApiClient apiClient =
                    new dev.hookstub.client.mijnklantportaal.invoker.ApiClient();
            apiClient.setBasePath(target.serverUrl(API));
            apiClient.setBearerToken(target.credential(API));
            return new dev.hookstub.client.mijnklantportaal.WebhooksApi(apiClient);
        }

        @Test
        void theClientShouldCreateAWebhookAndReadItBack(ConformanceTarget target) throws Exception {
            assumeFalse(target.readOnly(), "read-only run: nothing is created");
            dev.hookstub.client.mijnklantportaal.WebhooksApi client = client(target);
            MijnklantportaalWebhook created = client.createWebhook(new MijnklantportaalCreateWebhookRequest()
                    .url("https://example.com/hooks/generated-client").type("invoice-paid"));
            assertThat(created.getId(), matchesPattern("^wbh_[a-z0-9]{14}$"));
            assertThat(created.getUrl(), equalTo("https://example.com/hooks/generated-client"));
            assertThat(created.getType(), equalTo("invoice-paid"));
            assertThat(created.getSecret(), matchesPattern("^[A-Za-z0-9]{20}$"));
            assertThat(created.getCreatedAt(), notNullValue());

            MijnklantportaalWebhook read = client.getWebhook(created.getId());
            assertThat(read, equalTo(created));
        }

        @Test
        void theClientShouldReadTheRecordAsItIsOnTheWire(ConformanceTarget target) throws Exception {
            dev.hookstub.client.mijnklantportaal.WebhooksApi client = client(target);
            String id = target.webhookId(API, EXAMPLE_ID);
            JsonPath wire = target.given(API).get("/webhooks/{id}", id).then().statusCode(200).extract().jsonPath();

            MijnklantportaalWebhook record = client.getWebhook(id);
            assertThat(record.getId(), equalTo(id));
            assertThat(record.getType(), equalTo(wire.getString("type")));
            assertThat(record.getUrl(), equalTo(wire.getString("url")));
            assertThat(record.getSecret(), equalTo(wire.getString("secret")));
            assertThat(record.getCreatedAt(), equalTo(wire.getString("createdAt")));
        }

        @Test
        void theClientShouldSurfaceA404AsApiExceptionWithTheErrorModel(ConformanceTarget target) {
            dev.hookstub.client.mijnklantportaal.WebhooksApi client = client(target);
            var error = assertThrows(dev.hookstub.client.mijnklantportaal.invoker.ApiException.class,
                    () -> client.getWebhook("wbh_doesnotexist00"));
            assertThat(error.getCode(), equalTo(404));
            assertThat(error.getErrorEntity(), instanceOf(MijnklantportaalErrorApiError.class));
            assertThat(((MijnklantportaalErrorApiError) error.getErrorEntity()).getMessage(), not(emptyOrNullString()));
        }
    }

    @Nested
    class EqualsMoney {

        private static final Preset API = Preset.EQUALSMONEY;
        private static final String EXAMPLE_ID =
                "/paths/~1webhooks~1{webhookId}/get/responses/200/content/application~1json/schema/example/id";

        private WebhooksApi client(ConformanceTarget target) {
            assumeTrue(target.checks(API), "Equals Money is not checked in this run");
            dev.hookstub.client.equalsmoney.invoker.ApiClient apiClient =
                    new dev.hookstub.client.equalsmoney.invoker.ApiClient();
            apiClient.setBasePath(target.serverUrl(API));
            apiClient.setApiKey(target.credential(API));
            return new WebhooksApi(apiClient);
        }

        @Test
        void theClientShouldReadTheRecordAsTypedValues(ConformanceTarget target) throws Exception {
            WebhooksApi client = client(target);
            String id = target.webhookId(API, EXAMPLE_ID);
            JsonPath wire = target.given(API).get("/webhooks/{webhookId}", id).then().statusCode(200)
                    .extract().jsonPath();

            EqualsmoneyFindOneWebhook200Response record = client.findOneWebhook(UUID.fromString(id), null);
            assertThat(record.getId(), equalTo(UUID.fromString(id)));
            assertThat(record.getProductId(), equalTo(UUID.fromString(wire.getString("productId"))));
            assertThat(record.getWebhookEventTypeId(), equalTo(UUID.fromString(wire.getString("webhookEventTypeId"))));
            assertThat(record.getWebhookEventTypeName(), equalTo(wire.getString("webhookEventTypeName")));
            assertThat(record.getAccountId(), equalTo(wire.getString("accountId")));
            assertThat(record.getUrl(), equalTo(wire.getString("url")));
            assertThat(record.getAuthorizationHeader(), equalTo(wire.getString("authorizationHeader")));
            assertThat(record.getEnabled(), equalTo(wire.getBoolean("enabled")));
            assertThat(record.getSharedSecret(), equalTo(wire.getString("sharedSecret")));
            assertThat(record.getCreatedAt().toInstant(),
                    equalTo(OffsetDateTime.parse(wire.getString("createdAt")).toInstant()));
            assertThat(record.getUpdatedAt().toInstant(),
                    equalTo(OffsetDateTime.parse(wire.getString("updatedAt")).toInstant()));
        }

        @Test
        void theClientShouldReadTheSeedRecordsAccountAndUtcTimestamps(ConformanceTarget target) throws Exception {
            assumeFalse(target.external(), "only the stub is seeded with the spec's example");
            EqualsmoneyFindOneWebhook200Response record =
                    client(target).findOneWebhook(UUID.fromString(target.webhookId(API, EXAMPLE_ID)), "F50091");
            assertThat(record.getAccountId(), equalTo("F50091"));
            assertThat(record.getCreatedAt(), equalTo(OffsetDateTime.of(2019, 8, 24, 14, 15, 22, 0, ZoneOffset.UTC)));
            assertThat(record.getEnabled(), equalTo(true));
        }

        @Test
        void theClientShouldSurfaceA404AsApiException(ConformanceTarget target) {
            WebhooksApi client = client(target);
            var error = assertThrows(dev.hookstub.client.equalsmoney.invoker.ApiException.class,
                    () -> client.findOneWebhook(UUID.fromString("00000000-0000-4000-8000-000000000000"), null));
            assertThat(error.getCode(), equalTo(404));
        }
    }

    @Nested
    class Partoo {

        private static final Preset API = Preset.PARTOO;
        private static final String EXAMPLE_ID = "/components/schemas/WebhookItem/properties/id/example";

        private dev.hookstub.client.partoo.WebhooksApi client(ConformanceTarget target) {
            assumeTrue(target.checks(API), "Partoo is not checked in this run");
            dev.hookstub.client.partoo.invoker.ApiClient apiClient = new dev.hookstub.client.partoo.invoker.ApiClient();
            apiClient.setBasePath(target.serverUrl(API));
            apiClient.setApiKey(target.credential(API));
            return new dev.hookstub.client.partoo.WebhooksApi(apiClient);
        }

        @Test
        void theClientShouldReadTheRecordAsTypedValues(ConformanceTarget target) throws Exception {
            dev.hookstub.client.partoo.WebhooksApi client = client(target);
            String id = target.webhookId(API, EXAMPLE_ID);
            JsonPath wire = target.given(API).get("/webhooks/{webhook_id}", id).then().statusCode(200)
                    .extract().jsonPath();

            PartooWebhookItem record = client.getWebhook(Long.valueOf(id), null);
            assertThat(record.getId(), equalTo(Long.valueOf(id)));
            assertThat(record.getUrl(), equalTo(wire.getString("url")));
            assertThat(record.getEventType(), equalTo(PartooEventType.fromValue(wire.getString("event_type"))));
            assertThat(record.getCreatedAt(), equalTo(wire.getString("created_at")));
            assertThat(record.getUpdatedAt(), equalTo(wire.getString("updated_at")));
            assertThat(record.getOrgId(), equalTo(wire.getLong("org_id")));
            assertThat(record.getCustomHeaders(), equalTo(wire.<String, String>getMap("custom_headers")));
        }

        @Test
        void theClientShouldReadTheSeedRecordsEventTypeAndCustomHeaders(ConformanceTarget target) throws Exception {
            assumeFalse(target.external(), "only the stub is seeded from the spec's examples");
            PartooWebhookItem record = client(target).getWebhook(Long.valueOf(target.webhookId(API, EXAMPLE_ID)), 1L);
            assertThat(record.getEventType(), equalTo(PartooEventType.BUSINESS_CREATED));
            assertThat(record.getOrgId(), equalTo(1L));
            assertThat(record.getCustomHeaders(),
                    equalTo(Map.of("X-My-Header", "my-value", "X-Auth-Token", "secret-token")));
        }

        @Test
        void theClientShouldSurfaceA404AsApiExceptionWithTheErrorModel(ConformanceTarget target) {
            dev.hookstub.client.partoo.WebhooksApi client = client(target);
            var error = assertThrows(dev.hookstub.client.partoo.invoker.ApiException.class,
                    () -> client.getWebhook(987_654_321L, null));
            assertThat(error.getCode(), equalTo(404));
            assertThat(error.getErrorEntity(), instanceOf(PartooNotFoundError.class));
            assertThat(((PartooNotFoundError) error.getErrorEntity()).getErrors().getJson(), not(emptyOrNullString()));
        }
    }

    @Nested
    class Mollie {

        private static final Preset API = Preset.MOLLIE;
        private static final String EXAMPLE_ID = "/paths/~1v2~1webhooks~1{webhookId}/get/responses/200/content/"
                + "application~1hal+json/examples/get-webhook-200/value/id";

        private dev.hookstub.client.mollie.WebhooksApi client(ConformanceTarget target) {
            assumeTrue(target.checks(API), "Mollie is not checked in this run");
            dev.hookstub.client.mollie.invoker.ApiClient apiClient = new dev.hookstub.client.mollie.invoker.ApiClient();
            apiClient.setBasePath(target.serverUrl(API));
            apiClient.setBearerToken(target.credential(API));
            return new dev.hookstub.client.mollie.WebhooksApi(apiClient);
        }

        @Test
        void theClientShouldReadTheTestModeRecordAsTypedValues(ConformanceTarget target) throws Exception {
            dev.hookstub.client.mollie.WebhooksApi client = client(target);
            String id = target.webhookId(API, EXAMPLE_ID);
            JsonPath wire = target.given(API).queryParam("testmode", true).get("/v2/webhooks/{webhookId}", id)
                    .then().statusCode(200).extract().jsonPath();

            MollieGetWebhook200Response record = client.getWebhook(id, true);
            assertThat(record.getResource(), equalTo("webhook"));
            assertThat(record.getId(), equalTo(id));
            assertThat(record.getMode(), equalTo("test"));
            assertThat(record.getUrl(), equalTo(wire.getString("url")));
            assertThat(record.getName(), equalTo(wire.getString("name")));
            assertThat(record.getStatus(), equalTo(wire.getString("status")));
            assertThat(record.getProfileId(), equalTo(wire.getString("profileId")));
            assertThat(record.getCreatedAt(), equalTo(wire.getString("createdAt")));
            assertThat(record.getEventTypes(), equalTo(wire.getList("eventTypes", String.class)));
            assertThat(record.getLinks().getSelf().getHref(), startsWith("http"));
            assertThat(record.getLinks().getSelf().getHref(), equalTo(wire.getString("_links.self.href")));
            assertThat(record.getLinks().getSelf().getType(), equalTo("application/hal+json"));
            assertThat(record.getLinks().getDocumentation().getHref(),
                    equalTo("https://docs.mollie.com/reference/get-webhook"));
        }

        @Test
        void theClientsSelfLinkShouldBeTheUrlItCalled(ConformanceTarget target) throws Exception {
            assumeFalse(target.external(), "another server may see itself under another URL than the one we call");
            String id = target.webhookId(API, EXAMPLE_ID);
            MollieGetWebhook200Response record = client(target).getWebhook(id, true);
            assertThat(record.getLinks().getSelf().getHref(),
                    equalTo(target.serverUrl(API) + "/v2/webhooks/" + id + "?testmode=true"));
        }

        @Test
        void theClientShouldSurfaceA404AsApiExceptionWithTheErrorModel(ConformanceTarget target) {
            dev.hookstub.client.mollie.WebhooksApi client = client(target);
            var error = assertThrows(dev.hookstub.client.mollie.invoker.ApiException.class,
                    () -> client.getWebhook("hook_doesnotexist000000", true));
            assertThat(error.getCode(), equalTo(404));
            assertThat(error.getErrorEntity(), instanceOf(MollieGetWebhook404Response.class));
            MollieGetWebhook404Response body = (MollieGetWebhook404Response) error.getErrorEntity();
            assertThat(body.getStatus(), equalTo(404));
            assertThat(body.getLinks().getDocumentation().getHref(), startsWith("https://docs.mollie.com/"));
        }
    }
}
