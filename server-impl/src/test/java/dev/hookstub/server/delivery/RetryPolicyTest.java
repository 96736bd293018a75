package dev.hookstub.server.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A receiver's Retry-After, in seconds or in any of the three HTTP-date forms RFC 9110 §5.6.7 makes a recipient take. */
class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"600", "Tue, 01 Jan 2030 00:10:00 GMT", "Tuesday, 01-Jan-30 00:10:00 GMT",
            "Tue Jan  1 00:10:00 2030"})
    void tenMinutesInEachForm(String header) {
        assertEquals(Duration.ofMinutes(10), RetryPolicy.retryAfter(503, header, NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "Tue, 01 Jan 2030 00:10:00", "-5", "Wed Jan  1 00:10:00 2030"})
    void anythingElseIsNoRetryAfter(String header) {
        assertNull(RetryPolicy.retryAfter(503, header, NOW), header);
    }

    @org.junit.jupiter.api.Test
    void aTwoDigitYearIsTheOneLessThanFiftyYearsAhead() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals(Instant.parse("2075-01-01T00:00:00Z"), RetryPolicy.httpDate("Tuesday, 01-Jan-75 00:00:00 GMT", now));
        assertEquals(Instant.parse("1980-01-01T00:00:00Z"), RetryPolicy.httpDate("Tuesday, 01-Jan-80 00:00:00 GMT", now));
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 500, 404})
    void onlyA429OrA503AsksToWait(int status) {
        assertNull(RetryPolicy.retryAfter(status, "600", NOW));
    }
}
