package dev.hookstub.server.clock;

import static dev.hookstub.junit.HookstubHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /__admin/clock} over real HTTP, and the time it gives the records created while it is steered. */
class ClockApiTest {

    private static final String Y2030 = "2030-01-01T00:00:00Z";

    @RegisterExtension
    static final HookstubExtension stub = HookstubExtension.with(Hookstub.defaultConfig());

    private static JsonNode clock() {
        HttpResponse<String> read = stub.adminHttp().get("/__admin/clock");
        assertEquals(200, read.statusCode(), read.body());
        return json(read.body());
    }

    private static JsonNode change(String body) {
        HttpResponse<String> changed = stub.adminHttp().post("/__admin/clock", body);
        assertEquals(200, changed.statusCode(), changed.body());
        return json(changed.body());
    }

    @Nested
    class Steering {

        @Test
        void theClockRunsInRealTimeUntilItIsTouched() {
            Instant before = Instant.now();
            JsonNode clock = clock();
            assertEquals("real", clock.path("mode").asText());
            Instant now = Instant.parse(clock.path("now").asText());
            assertFalse(now.isBefore(before), now + " before " + before);
            assertTrue(Duration.between(before, now).toSeconds() < 5, now.toString());
        }

        @Test
        void setFreezesTheClockAtTheInstantAndAdvancingMovesItExactly() throws InterruptedException {
            JsonNode set = change("{\"set\": \"" + Y2030 + "\"}");
            assertEquals("frozen", set.path("mode").asText());
            assertEquals(Y2030, set.path("now").asText());
            Thread.sleep(20);
            assertEquals(Y2030, clock().path("now").asText(), "a frozen clock stands still");
            assertEquals("2030-01-01T01:00:00Z", change("{\"advance\": \"PT1H\"}").path("now").asText());
            assertEquals("2030-01-02T01:00:30Z", change("{\"advance\": \"P1DT30S\"}").path("now").asText());
            JsonNode advanced = change("{\"advanceSeconds\": 3600}");
            assertEquals("frozen", advanced.path("mode").asText());
            assertEquals("2030-01-02T02:00:30Z", advanced.path("now").asText());
        }

        @Test
        void freezeStopsTheClockAtThePresent() throws InterruptedException {
            Instant before = Instant.now();
            JsonNode frozen = change("{\"freeze\": true}");
            assertEquals("frozen", frozen.path("mode").asText());
            Instant at = Instant.parse(frozen.path("now").asText());
            assertFalse(at.isBefore(before));
            Thread.sleep(20);
            assertEquals(at, Instant.parse(clock().path("now").asText()));
        }

        @Test
        void advancingARunningClockKeepsItRunningAheadOfRealTime() throws InterruptedException {
            JsonNode advanced = change("{\"advance\": \"P1D\"}");
            assertEquals("offset", advanced.path("mode").asText());
            Instant ahead = Instant.parse(advanced.path("now").asText());
            Duration lead = Duration.between(Instant.now(), ahead);
            assertTrue(lead.compareTo(Duration.ofHours(23)) > 0 && lead.compareTo(Duration.ofHours(25)) < 0,
                    lead.toString());
            Thread.sleep(30);
            assertTrue(Instant.parse(clock().path("now").asText()).isAfter(ahead), "an offset clock keeps running");
        }

        @Test
        void deleteAndResetReturnTheClockToRealTime() {
            change("{\"set\": \"" + Y2030 + "\"}");
            assertEquals(204, stub.adminHttp().delete("/__admin/clock").statusCode());
            assertEquals("real", clock().path("mode").asText());
            change("{\"set\": \"" + Y2030 + "\"}");
            assertEquals(204, stub.adminHttp().post("/__admin/reset", null).statusCode());
            JsonNode clock = clock();
            assertEquals("real", clock.path("mode").asText());
            assertTrue(Instant.parse(clock.path("now").asText()).isBefore(Instant.parse(Y2030)));
        }

        @Test
        void theClockNeedsTheAdminToken() {
            assertEquals(401, stub.http().get("/__admin/clock").statusCode());
            assertEquals(401, stub.http().post("/__admin/clock", "{\"freeze\": true}").statusCode());
            assertEquals(401, stub.http().delete("/__admin/clock").statusCode());
            assertEquals("real", clock().path("mode").asText());
        }
    }

    @Nested
    class Refusals {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "{\"set\": \"2030-01-01T00:00:00Z\", \"advance\": \"PT1H\"} | advance",
            "{\"freeze\": false}                                  | freeze",
            "{\"freeze\": \"yes\"}                                  | freeze",
            "{\"set\": \"next tuesday\"}                            | set",
            "{\"set\": \"2030-01-01T00:00:00\"}                     | set",
            "{\"set\": 1893456000}                                | set",
            "{\"advance\": \"-PT1H\"}                               | advance",
            "{\"advance\": \"PT0S\"}                                | advance",
            "{\"advance\": \"P1M\"}                                 | advance",
            "{\"advance\": \"P99999D\"}                             | advance",
            "{\"advanceSeconds\": 0}                              | advanceSeconds",
            "{\"advanceSeconds\": -60}                            | advanceSeconds",
            "{\"advanceSeconds\": 1.5}                            | advanceSeconds",
            "{\"advanceSeconds\": \"60\"}                           | advanceSeconds",
            "{\"rewind\": \"PT1H\"}                                 | rewind",
        })
        void aMalformedChangeIs400NamingTheFieldAndChangesNothing(String body, String field) {
            change("{\"set\": \"" + Y2030 + "\"}");
            HttpResponse<String> refused = stub.adminHttp().post("/__admin/clock", body);
            assertEquals(400, refused.statusCode(), refused.body());
            JsonNode problem = json(refused.body());
            assertEquals(field, problem.path("field").asText(), refused.body());
            assertTrue(problem.path("message").asText().contains(field), refused.body());
            JsonNode clock = clock();
            assertEquals("frozen", clock.path("mode").asText());
            assertEquals(Y2030, clock.path("now").asText(), "nothing changed");
        }

        /** Past 9999 the APIs wrote +10099-12-31T23:59:59Z: no RFC 3339 date-time. */
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "9999-12-31T23:59:59Z | set | {\"set\": \"9999-12-31T23:59:59Z\"}",
            "0000-01-01T00:00:00Z | set | {\"set\": \"0000-01-01T00:00:00Z\"}",
            "a day past the end | advance | {\"advance\": \"P2D\"}",
            "a day past the end in seconds | advanceSeconds | {\"advanceSeconds\": 172800}"})
        void aClockBeyondFourDigitYearsIsRefused(String name, String field, String body) {
            change("{\"set\": \"9999-12-29T00:00:00Z\"}");
            HttpResponse<String> refused = stub.adminHttp().post("/__admin/clock", body);
            assertEquals(400, refused.statusCode(), refused.body());
            assertEquals(field, json(refused.body()).path("field").asText(), refused.body());
            assertTrue(refused.body().contains("four-digit years"), refused.body());
            assertEquals("9999-12-29T00:00:00Z", clock().path("now").asText(), "nothing changed");
            assertEquals(200, stub.adminHttp().post("/__admin/clock", "{\"advance\": \"P1D\"}").statusCode(),
                    "up to the end is fine");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {"{}", "[]", "'\"freeze\"'", "'{\"freeze\": true'"})
        void aBodyWithoutOneActionIs400AndChangesNothing(String body) {
            HttpResponse<String> refused = stub.adminHttp().post("/__admin/clock", body);
            assertEquals(400, refused.statusCode(), refused.body());
            assertTrue(json(refused.body()).path("message").isTextual(), refused.body());
            assertFalse(refused.body().contains("Exception"), refused.body());
            assertEquals("real", clock().path("mode").asText());
        }

        @Test
        void noBodyIs400() {
            HttpResponse<String> refused = stub.adminHttp().post("/__admin/clock", null);
            assertEquals(400, refused.statusCode(), refused.body());
            assertEquals("real", clock().path("mode").asText());
        }
    }

    @Nested
    class Records {

        @Test
        void recordsCreatedWhileFrozenCarryTheFrozenTimeInEachApisFormat() {
            change("{\"set\": \"2030-06-01T12:34:56Z\"}");
            assertEquals("2030-06-01T14:34:56+02:00", created("mijnklantportaal",
                    "{\"url\": \"https://example.com/a\", \"type\": \"offer-created\"}").path("createdAt").asText());
            JsonNode equals = created("equalsmoney",
                    "{\"url\": \"https://example.com/e\", \"webhookEventTypeName\": \"OrderCreated\"}");
            assertEquals("2030-06-01T12:34:56Z", equals.path("createdAt").asText());
            assertEquals("2030-06-01T12:34:56Z", equals.path("updatedAt").asText());
            assertEquals("2030-06-01T12:34:56.000000Z", created("partoo",
                    "{\"url\": \"https://example.com/p\", \"event_type\": \"business_created\"}")
                    .path("created_at").asText());
            assertEquals("2030-06-01T12:34:56+00:00", created("mollie",
                    "{\"url\": \"https://example.com/m\"}").path("createdAt").asText());
        }

        @Test
        void aRecordCreatedThroughAnApisOwnCreateCarriesTheFrozenTimeOnTheFastPath() {
            long fast = stub.server().fastPathServed("mijnklantportaal");
            assertEquals("2030-06-01T14:34:56+02:00", createdThroughTheApi(stub.hookstub()));
            assertTrue(stub.server().fastPathServed("mijnklantportaal") > fast, "the create took the fast path");
        }

        @Test
        void aRecordCreatedThroughAnApisOwnCreateCarriesTheFrozenTimeThroughJerseyToo() {
            try (Hookstub jerseyOnly = Hookstub.start(Hookstub.defaultConfig().withFastPath(false))) {
                assertEquals("2030-06-01T14:34:56+02:00", createdThroughTheApi(jerseyOnly));
                assertEquals(0, jerseyOnly.server().fastPathServed("mijnklantportaal"));
            }
        }

        private String createdThroughTheApi(Hookstub on) {
            HttpResponse<String> set = on.adminHttp().post("/__admin/clock", "{\"set\": \"2030-06-01T12:34:56Z\"}");
            assertEquals(200, set.statusCode(), set.body());
            HttpResponse<String> created = on.http().post("/mijnklantportaal/v1/webhooks",
                    "{\"url\": \"https://example.com/own\", \"type\": \"invoice-paid\"}",
                    "Authorization", "Bearer mkp_test_key");
            assertEquals(201, created.statusCode(), created.body());
            return json(created.body()).path("createdAt").asText();
        }

        private JsonNode created(String api, String json) {
            HttpResponse<String> created = stub.adminHttp().post("/__admin/" + api + "/webhooks", json);
            assertEquals(201, created.statusCode(), created.body());
            return json(created.body());
        }
    }
}
