package dev.hookstub.server.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    private static final Instant SUMMER = Instant.parse("2024-04-29T19:00:00.123456789Z");
    private static final Instant WINTER = Instant.parse("2024-12-06T10:09:56.5Z");

    @Test
    void mijnklantportaalWritesAtomWithTheAmsterdamOffsetOfThatDate() {
        assertEquals("2024-04-29T21:00:00+02:00", Timestamps.atomAmsterdam(SUMMER));
        assertEquals("2024-12-06T11:09:56+01:00", Timestamps.atomAmsterdam(WINTER));
    }

    @Test
    void equalsMoneyWritesSecondsInUtc() {
        assertEquals("2024-04-29T19:00Z", Timestamps.utcSeconds(SUMMER).toString());
        assertEquals("2024-12-06T10:09:56Z", Timestamps.utcSeconds(WINTER).toString());
    }

    @Test
    void equalsMoneyTextKeepsZeroSeconds() {
        assertEquals("2024-04-29T19:00:00Z", Timestamps.utcSecondsText(SUMMER));
        assertEquals("2024-12-06T10:09:56Z", Timestamps.utcSecondsText(WINTER));
    }

    @Test
    void partooWritesMicrosecondsAndZ() {
        assertEquals("2024-04-29T19:00:00.123456Z", Timestamps.utcMicros(SUMMER));
        assertEquals("2024-12-06T10:09:56.500000Z", Timestamps.utcMicros(WINTER));
    }

    @Test
    void mollieWritesSecondsAndAnExplicitZeroOffset() {
        assertEquals("2024-12-06T10:09:56+00:00", Timestamps.utcOffsetSeconds(WINTER));
    }

    @Test
    void parseReadsEveryFormatTheStubWrites() {
        assertEquals(Instant.parse("2024-04-29T19:00:00Z"), Timestamps.parse("2024-04-29T21:00:00+02:00"));
        assertEquals(Instant.parse("2024-11-27T16:10:44.929678Z"), Timestamps.parse("2024-11-27T16:10:44.929678Z"));
    }
}
