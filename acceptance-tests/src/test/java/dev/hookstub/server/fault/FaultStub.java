package dev.hookstub.server.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubHttp;
import dev.hookstub.openapi.SchemaCatalog;
import dev.hookstub.server.StubServer;
import dev.hookstub.server.spec.SpecFile;
import java.net.http.HttpResponse;

/**
 * A running stub as the fault tests use it: the requests they send to it, and the admin calls that set up rules;
 * every rule the admin API answers is held to its {@code FaultRule} schema.
 */
final class FaultStub {

    static final String MOLLIE_GET = "/mollie/v2/webhooks/hook_B2EyhTH5N4KWUnoYPcgiH?testmode=true";
    static final String MOLLIE_TOKEN = "access_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM";
    static final String[] MOLLIE = {"Authorization", "Bearer " + MOLLIE_TOKEN};
    static final String[] MOLLIE_OAUTH = {"Authorization", "Bearer access_oauth_test_token"};
    static final String PARTOO_GET = "/partoo/v2/webhooks/1";
    static final String[] PARTOO = {"x-APIKey", "partoo_test_key"};
    static final String EQUALS_GET = "/equalsmoney/v2/webhooks/da91434a-4026-42ea-84b8-d0317b64af9c";
    static final String[] EQUALS = {"Authorization", "equals_test_key"};
    static final String MKP_GET = "/mijnklantportaal/v1/webhooks/wbh_abc12345def678";
    static final String MKP_CREATE = "/mijnklantportaal/v1/webhooks";
    static final String MKP_BODY = "{\"url\":\"https://example.com/hooks\",\"type\":\"customer-created\"}";
    static final String[] MKP = {"Authorization", "Bearer mkp_test_key"};

    private static final SchemaCatalog ADMIN_SCHEMAS = SpecFile.load("admin.yaml").spec().schemas();

    final StubServer server;
    final HookstubHttp http;
    final HookstubHttp adminHttp;

    FaultStub(Hookstub stub) {
        server = stub.server();
        http = stub.http();
        adminHttp = stub.adminHttp();
    }

    /** Adds a rule, which must be accepted, and returns it as the admin API answered. */
    JsonNode addRule(String api, String rule) {
        HttpResponse<String> added = adminHttp.post("/__admin/" + api + "/faults", rule);
        assertEquals(201, added.statusCode(), added.body());
        return conforming(json(added.body()), "/components/schemas/FaultRule");
    }

    JsonNode rules(String api) {
        HttpResponse<String> listed = adminHttp.get("/__admin/" + api + "/faults");
        assertEquals(200, listed.statusCode(), listed.body());
        JsonNode rules = json(listed.body());
        rules.forEach(rule -> conforming(rule, "/components/schemas/FaultRule"));
        return rules;
    }

    static JsonNode conforming(JsonNode value, String schemaPointer) {
        var errors = ADMIN_SCHEMAS.at(schemaPointer).validate(value.toString(), InputFormat.JSON);
        assertTrue(errors.isEmpty(), value + " breaks " + schemaPointer + ": " + errors);
        return value;
    }

    static JsonNode json(String text) {
        return HookstubHttp.json(text);
    }
}
