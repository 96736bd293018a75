package dev.hookstub.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubHttp;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder written before the records followed their specs keeps serving: each row below is what the earlier
 * stub (ff9ed35) stored for the API's seeded record or an admin-created one (Partoo's under its Java record's names,
 * Mollie's without {@code resource}), and each answer what that stub served for it.
 */
class EarlierStoredRecordsTest {

    private static final String[][] ROWS = {
        {"mijnklantportaal", "wbh_abc12345def678", """
            {"id":"wbh_abc12345def678","tenant":"tenant-1","type":"customer-created",\
            "url":"https://mijnklantportaal.nl/webhook-incoming","secret":"OUJX2prdBbJxR77BZlGz",\
            "createdAt":"2024-04-29T19:00:00Z"}"""},
        {"equalsmoney", "da91434a-4026-42ea-84b8-d0317b64af9c", """
            {"id":"da91434a-4026-42ea-84b8-d0317b64af9c","productId":"3ef24d53-6e22-4103-a16b-d268e4f7346d",\
            "webhookEventTypeId":"da91434a-4026-42ea-84b8-d0317b64af9c","webhookEventTypeName":"OrderCreated",\
            "accountId":"F50091","url":"https://api.url.com","authorizationHeader":"Basic AXVubzpwQDU1dzByYM== ",\
            "enabled":true,"sharedSecret":"123e4567-e89b-12d3-a456-426614174000","createdAt":"2019-08-24T14:15:22Z",\
            "updatedAt":"2019-08-24T14:15:22Z"}"""},
        {"partoo", "2", """
            {"webhookId":2,"url":"https://x.example/h","eventType":"lead_received",\
            "createdAt":"2026-12-05T23:18:22.641525Z","updatedAt":"2026-12-05T23:18:22.641525Z","orgId":1,\
            "customHeaders":{"X-A":"b"}}"""},
        {"partoo", "3", """
            {"webhookId":3,"url":"https://x.example/i","eventType":"lead_received",\
            "createdAt":"2026-12-05T23:18:22Z","updatedAt":"2026-12-05T23:18:22Z","orgId":1,"customHeaders":null}"""},
        {"mollie", "hook_B2EyhTH5N4KWUnoYPcgiH", """
            {"id":"hook_B2EyhTH5N4KWUnoYPcgiH","url":"https://mollie.com","profileId":"pfl_8XcSdLtrNK",\
            "createdAt":"2024-12-06T10:09:56Z","name":"Webhook #1","eventTypes":["payment-link.paid",\
            "sales-invoice.paid"],"status":"enabled","mode":"test","signingSecret":"bfHYad0CebpXw8m1bscA4nyLANTa0ffX"}"""},
    };

    @TempDir
    Path dataDir;

    @Test
    void eachApisRowsOfTheEarlierShapeAreServedAsTheyWere() throws Exception {
        try (Database database = Database.open(dataDir); Connection connection = database.connection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO webhook_records (api, id, body) VALUES (?, ?, ?)");
             PreparedStatement seeded = connection.prepareStatement("INSERT INTO seeded_apis (api) VALUES (?)")) {
            for (String[] row : ROWS) {
                insert.setString(1, row[0]);
                insert.setString(2, row[1]);
                insert.setString(3, row[2]);
                insert.executeUpdate();
            }
            for (String api : new String[] {"mijnklantportaal", "equalsmoney", "partoo", "mollie"}) {
                seeded.setString(1, api);
                seeded.executeUpdate();
            }
        }
        try (Hookstub stub = Hookstub.start(Hookstub.defaultConfig().withDataDir(dataDir))) {
            HookstubHttp http = stub.http();
            assertEquals("{\"id\":\"wbh_abc12345def678\",\"type\":\"customer-created\","
                    + "\"url\":\"https://mijnklantportaal.nl/webhook-incoming\",\"secret\":\"OUJX2prdBbJxR77BZlGz\","
                    + "\"createdAt\":\"2024-04-29T21:00:00+02:00\"}", http.get(
                            "/mijnklantportaal/v1/webhooks/wbh_abc12345def678", "Authorization", "Bearer mkp_test_key")
                    .body());
            assertEquals("{\"id\":\"da91434a-4026-42ea-84b8-d0317b64af9c\","
                    + "\"productId\":\"3ef24d53-6e22-4103-a16b-d268e4f7346d\","
                    + "\"webhookEventTypeId\":\"da91434a-4026-42ea-84b8-d0317b64af9c\","
                    + "\"webhookEventTypeName\":\"OrderCreated\",\"accountId\":\"F50091\",\"url\":\"https://api.url.com\","
                    + "\"authorizationHeader\":\"Basic AXVubzpwQDU1dzByYM== \",\"enabled\":true,"
                    + "\"sharedSecret\":\"123e4567-e89b-12d3-a456-426614174000\",\"createdAt\":\"2019-08-24T14:15:22Z\","
                    + "\"updatedAt\":\"2019-08-24T14:15:22Z\"}", http.get(
                            "/equalsmoney/v2/webhooks/da91434a-4026-42ea-84b8-d0317b64af9c", "Authorization",
                            "equals_test_key").body());
            String[] partoo = {"x-APIKey", "partoo_test_key"};
            assertEquals("{\"id\":2,\"url\":\"https://x.example/h\",\"event_type\":\"lead_received\","
                    + "\"created_at\":\"2026-12-05T23:18:22.641525Z\",\"updated_at\":\"2026-12-05T23:18:22.641525Z\","
                    + "\"org_id\":1,\"custom_headers\":{\"X-A\":\"b\"}}", http.get("/partoo/v2/webhooks/2", partoo).body());
            assertEquals("{\"id\":3,\"url\":\"https://x.example/i\",\"event_type\":\"lead_received\","
                    + "\"created_at\":\"2026-12-05T23:18:22.000000Z\",\"updated_at\":\"2026-12-05T23:18:22.000000Z\","
                    + "\"org_id\":1}", http.get("/partoo/v2/webhooks/3", partoo).body());
            assertEquals("{\"resource\":\"webhook\",\"id\":\"hook_B2EyhTH5N4KWUnoYPcgiH\",\"url\":\"https://mollie.com\","
                    + "\"profileId\":\"pfl_8XcSdLtrNK\",\"createdAt\":\"2024-12-06T10:09:56+00:00\","
                    + "\"name\":\"Webhook #1\",\"eventTypes\":[\"payment-link.paid\",\"sales-invoice.paid\"],"
                    + "\"status\":\"enabled\",\"mode\":\"test\",\"_links\":{\"self\":{\"href\":\"" + stub.baseUri()
                    + "/mollie/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=true\",\"type\":\"application/hal+json\"},"
                    + "\"documentation\":{\"href\":\"https://docs.mollie.com/reference/get-webhook\","
                    + "\"type\":\"text/html\"}}}", http.get("/mollie/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=true",
                            "Authorization", "Bearer access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM").body());
            // The next Partoo id counts on from the highest stored one, as before.
            assertEquals(201, http.post("/__admin/partoo/webhooks", "{\"url\": \"https://x.example/j\", "
                    + "\"event_type\": \"lead_received\"}", "Authorization", "Bearer admin_test_key").statusCode());
            assertEquals(200, http.get("/partoo/v2/webhooks/4", partoo).statusCode());
        }
    }
}
