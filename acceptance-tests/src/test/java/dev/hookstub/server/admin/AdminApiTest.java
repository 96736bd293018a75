package dev.hookstub.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubExtension;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AdminApiTest {

    @RegisterExtension
    static final HookstubExtension stub = HookstubExtension.with(Hookstub.defaultConfig());

    @Nested
    class Guard {

        @Test
        void everyAdminCallNeedsTheToken() {
            assertEquals(401, stub.http().get("/__admin/partoo/webhooks").statusCode());
            assertEquals(401, stub.http().get("/__admin/partoo/webhooks", "Authorization", "Bearer wrong").statusCode());
            assertEquals(401, stub.http().post("/__admin/reset", null).statusCode());
            HttpResponse<String> refused = stub.http().delete("/__admin/partoo/webhooks/1");
            assertEquals(401, refused.statusCode());
            assertTrue(refused.body().contains("\"message\""), refused.body());
        }

        @Test
        void anUnknownApiIs404() {
            assertEquals(404, stub.adminHttp().get("/__admin/stripe/webhooks").statusCode());
        }

        /**
         * The document spells some paths out per API; an unknown API there matches no route, and is still told which
         * APIs there are, as a templated path's {@code api} parameter is.
         */
        @Test
        void anUnknownApiIsToldTheOnesThereAre() {
            for (HttpResponse<String> refused : java.util.List.of(stub.adminHttp().get("/__admin/stripe/webhooks"),
                    stub.adminHttp().post("/__admin/stripe/faults", "{}"),
                    stub.adminHttp().post("/__admin/stripe/events", "{}"))) {
                assertEquals(404, refused.statusCode(), refused.body());
                assertTrue(refused.body().contains("No API named stripe; use one of "), refused.body());
                assertTrue(refused.body().contains("partoo"), refused.body());
            }
            HttpResponse<String> templated = stub.adminHttp().get("/__admin/stripe/requests");
            assertEquals(404, templated.statusCode());
            assertTrue(templated.body().contains("partoo"), templated.body());
            HttpResponse<String> nowhere = stub.adminHttp().get("/__admin/partoo/nothing-here");
            assertEquals(404, nowhere.statusCode());
            assertTrue(nowhere.body().contains("The requested resource does not exist."), nowhere.body());
        }
    }

    @Nested
    class Create {

        @Test
        void aCreatedMijnklantportaalRecordIsServedToItsTenantOnly() {
            HttpResponse<String> created = stub.adminHttp().post("/__admin/mijnklantportaal/webhooks",
                    "{\"url\": \"https://example.com/a\", \"type\": \"offer-created\", \"tenant\": \"tenant-2\"}");
            assertEquals(201, created.statusCode(), created.body());
            String id = field(created.body(), "id");
            assertTrue(id.matches("wbh_[a-z0-9]{14}"), id);
            assertEquals(200, stub.http().get("/mijnklantportaal/v1/webhooks/" + id,
                    "Authorization", "Bearer mkp_other_key").statusCode());
            assertEquals(404, stub.http().get("/mijnklantportaal/v1/webhooks/" + id,
                    "Authorization", "Bearer mkp_test_key").statusCode());
        }

        @Test
        void aRecordBreakingTheApisSchemaIsRefusedNamingTheField() {
            HttpResponse<String> refused = stub.adminHttp().post("/__admin/equalsmoney/webhooks",
                    "{\"url\": \"https://example.com/e\", \"webhookEventTypeName\": \"X\", \"id\": \"not-a-uuid\"}");
            assertEquals(400, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("\"field\":\"id\""), refused.body());
            // One sentence: the validator glued its format's words to its own ("...the uuid pattern must be...").
            assertTrue(refused.body().contains("is not a valid uuid: it must be a valid RFC 4122 UUID."), refused.body());
            HttpResponse<String> read = stub.http().get("/equalsmoney/v2/webhooks/not-a-uuid",
                    "Authorization", "equals_test_key");
            assertTrue(read.body().contains("The webhookId parameter is invalid: is not a valid uuid: it must be a"
                    + " valid RFC 4122 UUID."), read.body());
        }

        @Test
        void anIdNoUrlCouldNameIsRefused() {
            for (String id : new String[] {"", "wbh_a/b", "wbh_" + "x".repeat(253)}) {
                HttpResponse<String> refused = stub.adminHttp().post("/__admin/mijnklantportaal/webhooks",
                        "{\"id\": \"" + id + "\", \"url\": \"https://a.example\", \"type\": \"customer-created\"}");
                assertEquals(400, refused.statusCode(), id + " " + refused.body());
                // The admin document says so (minLength, maxLength, pattern), so that a client held to it, and
                // check's valid requests, keep to it; its validator refuses before the store's own rule does.
                assertTrue(refused.body().contains("\"field\":\"id\""), refused.body());
            }
            String longest = "wbh_" + "x".repeat(252);
            assertEquals(201, stub.adminHttp().post("/__admin/mijnklantportaal/webhooks", "{\"id\": \"" + longest
                    + "\", \"url\": \"https://a.example\", \"type\": \"customer-created\"}").statusCode());
            assertEquals(204, stub.adminHttp().delete("/__admin/mijnklantportaal/webhooks/" + longest).statusCode());
        }

        @Test
        void partoosIdsRunToTheLargestA64BitIntegerHoldsAndThenSaySo() {
            String record = "\"url\": \"https://a.example\", \"event_type\": \"lead_received\"";
            assertEquals(201, stub.adminHttp().post("/__admin/partoo/webhooks",
                    "{\"id\": 9223372036854775806, " + record + "}").statusCode());
            HttpResponse<String> last = stub.adminHttp().post("/__admin/partoo/webhooks", "{" + record + "}");
            assertEquals(201, last.statusCode(), last.body());
            assertTrue(last.body().contains("\"id\":9223372036854775807,"), "the last id is handed out: " + last.body());
            HttpResponse<String> none = stub.adminHttp().post("/__admin/partoo/webhooks", "{" + record + "}");
            assertEquals(409, none.statusCode(), none.body());
            assertTrue(none.body().contains("used up"), none.body());
        }

        @Test
        void aPartooIdWrittenAsADecimalIsTheIntegerItIs() {
            HttpResponse<String> created = stub.adminHttp().post("/__admin/partoo/webhooks",
                    "{\"id\": 1E2, \"org_id\": 1.0, \"url\": \"https://a.example\", \"event_type\": \"lead_received\"}");
            assertEquals(201, created.statusCode(), created.body());
            assertTrue(created.body().contains("\"id\":100,") && created.body().contains("\"org_id\":1,"), created.body());
            assertEquals(200, stub.http().get("/partoo/v2/webhooks/100", "x-APIKey", "partoo_test_key").statusCode());
            HttpResponse<String> again = stub.adminHttp().post("/__admin/partoo/webhooks",
                    "{\"id\": 100.0, \"url\": \"https://a.example\", \"event_type\": \"lead_received\"}");
            assertEquals(409, again.statusCode(), "the same id: " + again.body());
        }

        @Test
        void partoosIdsRunOutAtTheLargest64BitIntegerWithoutWrappingAround() {
            assertEquals(201, stub.adminHttp().post("/__admin/partoo/webhooks", "{\"id\": 9223372036854775807, "
                    + "\"url\": \"https://a.example\", \"event_type\": \"lead_received\"}").statusCode());
            HttpResponse<String> next = stub.adminHttp().post("/__admin/partoo/webhooks",
                    "{\"url\": \"https://b.example\", \"event_type\": \"lead_received\"}");
            assertEquals(409, next.statusCode(), next.body());
            assertTrue(next.body().contains("give the record an id"), next.body());
        }

        @Test
        void aPartooRecordBreakingCustomHeadersRulesIsRefused() {
            HttpResponse<String> refused = stub.adminHttp().post("/__admin/partoo/webhooks",
                    "{\"url\": \"https://example.com/p\", \"event_type\": \"lead_received\","
                            + " \"custom_headers\": {\"X-Partoo-Id\": \"1\"}}");
            assertEquals(400, refused.statusCode(), refused.body());
        }

        /** Partoo's schema takes them; no HTTP request could carry them, and a delivery left them out unsaid. */
        @Test
        void aPartooCustomHeaderNoDeliveryCouldSendIsRefusedNamingIt() {
            for (String headers : new String[] {"{\"X-a\": \"1\\r\\nInjected: yes\"}", "{\"X-b\": \"\u00e9\"}",
                    "{\"X-\u00e9\": \"1\"}"}) {
                HttpResponse<String> refused = stub.adminHttp().post("/__admin/partoo/webhooks",
                        "{\"url\": \"https://example.com/p\", \"event_type\": \"lead_received\", \"custom_headers\": "
                                + headers + "}");
                assertEquals(400, refused.statusCode(), headers + " " + refused.body());
                assertTrue(refused.body().contains("so no delivery could send it"), refused.body());
            }
            assertEquals(201, stub.adminHttp().post("/__admin/partoo/webhooks", "{\"url\": \"https://example.com/p\", "
                    + "\"event_type\": \"lead_received\", \"custom_headers\": {\"X-Trace\": \"a b\\tc\"}}").statusCode());
        }

        @Test
        void aMissingRequiredFieldIsRefused() {
            HttpResponse<String> refused = stub.adminHttp().post("/__admin/mollie/webhooks", "{\"name\": \"no url\"}");
            assertEquals(400, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("url"), refused.body());
        }

        @Test
        void aBodyThatIsNotAnObjectIsRefused() {
            assertEquals(400, stub.adminHttp().post("/__admin/mollie/webhooks", "[1, 2]").statusCode());
            assertEquals(400, stub.adminHttp().post("/__admin/mollie/webhooks", "{").statusCode());
        }

        @Test
        void anEmptySecretIsRefusedForItCouldNotSignADelivery() {
            HttpResponse<String> mkp = stub.adminHttp().post("/__admin/mijnklantportaal/webhooks",
                    "{\"url\": \"https://example.com/a\", \"type\": \"offer-created\", \"secret\": \"\"}");
            assertEquals(400, mkp.statusCode(), mkp.body());
            assertTrue(mkp.body().contains("\"field\":\"secret\""), mkp.body());
            HttpResponse<String> equals = stub.adminHttp().post("/__admin/equalsmoney/webhooks",
                    "{\"url\": \"https://example.com/e\", \"webhookEventTypeName\": \"X\", \"sharedSecret\": \"\"}");
            assertEquals(400, equals.statusCode(), equals.body());
            assertTrue(equals.body().contains("\"field\":\"sharedSecret\""), equals.body());
            assertEquals(202, stub.adminHttp().post("/__admin/mijnklantportaal/events", "{\"type\": \"offer-created\"}")
                    .statusCode());
        }

        @Test
        void aPartooIntegerBeyondSixtyFourBitsIsRefusedNotCutToAnother() {
            HttpResponse<String> org = stub.adminHttp().post("/__admin/partoo/webhooks", "{\"url\": \"https://example.com/p\","
                    + " \"event_type\": \"lead_received\", \"org_id\": 18446744073709551616}");
            assertEquals(400, org.statusCode(), org.body());
            assertTrue(org.body().contains("\"field\":\"org_id\""), org.body());
            HttpResponse<String> id = stub.adminHttp().post("/__admin/partoo/webhooks", "{\"url\": \"https://example.com/p\","
                    + " \"event_type\": \"lead_received\", \"id\": 18446744073709551617}");
            assertEquals(400, id.statusCode(), id.body());
            assertTrue(id.body().contains("\"field\":\"id\""), id.body());
        }

        @Test
        void aTenantThatIsNotAStringIsRefusedNotCoerced() {
            for (String tenant : new String[] {"5", "{\"name\": \"tenant-2\"}"}) {
                HttpResponse<String> refused = stub.adminHttp().post("/__admin/mijnklantportaal/webhooks",
                        "{\"url\": \"https://example.com/a\", \"type\": \"offer-created\", \"tenant\": " + tenant + "}");
                assertEquals(400, refused.statusCode(), refused.body());
                assertTrue(refused.body().contains("\"field\":\"tenant\""), refused.body());
            }
        }

        @Test
        void eachApisOwnPathInTheAdminSpecValidatesItsRequests() {
            // Rules only the admin spec states: the resources serve every API with one templated method.
            HttpResponse<String> longType = stub.adminHttp().post("/__admin/equalsmoney/events",
                    "{\"type\": \"" + "x".repeat(257) + "\"}");
            assertEquals(400, longType.statusCode(), longType.body());
            assertTrue(longType.body().contains("\"field\":\"type\""), longType.body());
            HttpResponse<String> oddWebhookId = stub.adminHttp().post("/__admin/partoo/events",
                    "{\"type\": \"lead_received\", \"webhookId\": true}");
            assertEquals(400, oddWebhookId.statusCode(), oddWebhookId.body());
            assertTrue(oddWebhookId.body().contains("\"field\":\"webhookId\""), oddWebhookId.body());
        }

        @Test
        void aLiveMollieRecordIsFoundWithoutTestmodeOnly() {
            HttpResponse<String> created = stub.adminHttp().post("/__admin/mollie/webhooks",
                    "{\"url\": \"https://example.com/m\", \"mode\": \"live\"}");
            String id = field(created.body(), "id");
            String[] token = {"Authorization", "Bearer access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM"};
            assertEquals(200, stub.http().get("/mollie/v2/webhooks/" + id, token).statusCode());
            assertEquals(404, stub.http().get("/mollie/v2/webhooks/" + id + "?testmode=true", token).statusCode());
        }
    }

    @Nested
    class ListDeleteReset {

        @Test
        void listShowsTheFixturesAndWhatWasCreated() {
            stub.adminHttp().post("/__admin/partoo/webhooks", "{\"url\": \"https://example.com/p\", \"event_type\": \"lead_received\"}");
            String list = stub.adminHttp().get("/__admin/partoo/webhooks").body();
            assertTrue(list.startsWith("[") && list.contains("\"id\":1") && list.contains("\"id\":2"), list);
        }

        @Test
        void deleteRemovesTheRecordFromTheApi() {
            String[] key = {"x-APIKey", "partoo_test_key"};
            assertEquals(200, stub.http().get("/partoo/v2/webhooks/1", key).statusCode());
            assertEquals(204, stub.adminHttp().delete("/__admin/partoo/webhooks/1").statusCode());
            assertEquals(404, stub.http().get("/partoo/v2/webhooks/1", key).statusCode());
            assertEquals(404, stub.adminHttp().delete("/__admin/partoo/webhooks/1").statusCode());
        }

        @Test
        void resetBringsBackTheFixturesAndDropsTheRest() {
            String[] key = {"Authorization", "Bearer mkp_test_key"};
            String id = field(stub.http().post("/mijnklantportaal/v1/webhooks",
                    "{\"url\": \"https://example.com/r\", \"type\": \"ticket-created\"}", key).body(), "id");
            stub.adminHttp().delete("/__admin/mijnklantportaal/webhooks/wbh_abc12345def678");
            assertEquals(204, stub.adminHttp().post("/__admin/reset", null).statusCode());
            assertEquals(404, stub.http().get("/mijnklantportaal/v1/webhooks/" + id, key).statusCode());
            assertEquals(200, stub.http().get("/mijnklantportaal/v1/webhooks/wbh_abc12345def678", key).statusCode());
        }
    }

    @Test
    void theStubServesEachSpecAndItsHealth() {
        HttpResponse<String> mollie = stub.http().get("/mollie/openapi.json");
        assertEquals(200, mollie.statusCode());
        assertTrue(mollie.body().contains("\"get-webhook\""));
        assertEquals(200, stub.http().get("/partoo/openapi.yaml").statusCode());
        assertEquals(200, stub.http().get("/__admin/openapi.yaml").statusCode());
        assertEquals("{\"status\":\"UP\",\"store\":\"memory\"}", stub.http().get("/health").body());
        assertFalse(stub.http().get("/nowhere").body().contains("Exception"));
    }

    static String field(String json, String name) {
        int start = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return json.substring(start, json.indexOf('"', start));
    }
}
