package dev.hookstub.conformance;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.hookstub.conformance.preset.Preset;
import dev.hookstub.conformance.support.ConformanceTarget;
import dev.hookstub.conformance.support.ConformanceTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OpenAPI 3.1 nulls on the wire, read back through each API's own GET (validated against its spec): a required
 * field whose type admits null is written as {@code null} when unset; an optional field that is unset is omitted.
 * Records with unset fields are set up through the stub's admin API, so these checks run against the stub only.
 */
@ConformanceTest
class NullRulesOnTheWireTest {

    @BeforeEach
    void onlyAgainstTheStub(ConformanceTarget target) {
        assumeFalse(target.external(), "needs the stub's admin API to create records with unset fields");
    }

    @Test
    void equalsMoneyWritesUnsetRequiredNullableFieldsAsNull(ConformanceTarget target) {
        String id = target.admin().contentType(ContentType.JSON)
                .body("{\"url\": \"https://receiver.example/em\", \"webhookEventTypeName\": \"OrderCreated\"}")
                .post("/equalsmoney/webhooks").then().statusCode(201).extract().path("id");
        String body = target.given(Preset.EQUALSMONEY, "equals_any_key")
                .get("/webhooks/{id}", id).then().statusCode(200)
                .body("$", hasKey("accountId")).body("accountId", nullValue())
                .body("$", hasKey("authorizationHeader")).body("authorizationHeader", nullValue())
                .body("$", hasKey("sharedSecret")).body("sharedSecret", nullValue())
                .extract().asString();
        assertTrue(body.contains("\"accountId\":null"), body);
        assertTrue(body.contains("\"sharedSecret\":null"), body);
    }

    @Test
    void mollieWritesAnUnsetProfileIdAsNull(ConformanceTarget target) {
        String id = target.admin().contentType(ContentType.JSON)
                .body("{\"url\": \"https://receiver.example/mollie\", \"profileId\": null, \"mode\": \"live\"}")
                .post("/mollie/webhooks").then().statusCode(201).extract().path("id");
        String body = target.given(Preset.MOLLIE).get("/v2/webhooks/{id}", id).then().statusCode(200)
                .body("$", hasKey("profileId")).body("profileId", nullValue())
                .extract().asString();
        assertTrue(body.contains("\"profileId\":null"), body);
    }

    @Test
    void partooOmitsUnsetCustomHeaders(ConformanceTarget target) {
        Integer id = target.admin().contentType(ContentType.JSON)
                .body("{\"url\": \"https://receiver.example/partoo\", \"event_type\": \"lead_received\"}")
                .post("/partoo/webhooks").then().statusCode(201).extract().path("id");
        String body = target.given(Preset.PARTOO).get("/webhooks/{id}", id).then().statusCode(200)
                .body("$", not(hasKey("custom_headers")))
                .extract().asString();
        assertFalse(body.contains("null"), body);
    }

    @Test
    void partooWritesCustomHeadersWhenSet(ConformanceTarget target) {
        Integer id = target.admin().contentType(ContentType.JSON)
                .body("""
                        {"url": "https://receiver.example/partoo", "event_type": "message_created",
                         "custom_headers": {"X-Team": "payments"}}
                        """)
                .post("/partoo/webhooks").then().statusCode(201).extract().path("id");
        target.given(Preset.PARTOO).get("/webhooks/{id}", id).then().statusCode(200)
                .body("custom_headers.X-Team", equalTo("payments"));
    }

    @Test
    void mijnklantportaalOmitsNothingItSetAndWritesNoNulls(ConformanceTarget target) {
        String body = target.given(Preset.MIJNKLANTPORTAAL).contentType(ContentType.JSON)
                .body("{\"url\": \"https://receiver.example/mkp\", \"type\": \"ticket-created\"}")
                .post("/webhooks").then().statusCode(201).extract().asString();
        assertFalse(body.contains("null"), body);
    }
}
