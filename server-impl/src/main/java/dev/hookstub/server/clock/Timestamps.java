package dev.hookstub.server.clock;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Each provider's way of writing an instant, as its spec's examples show it. */
public final class Timestamps {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    /** PHP's DATE_ATOM: seconds, and the numeric offset of the provider's own zone. */
    private static final DateTimeFormatter ATOM = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter MICROS_Z = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'");
    private static final DateTimeFormatter SECONDS_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter SECONDS_OFFSET_Z = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private Timestamps() {
    }

    /** MijnKlantportaal: {@code 2024-04-29T21:00:00+02:00}. */
    public static String atomAmsterdam(Instant instant) {
        return ATOM.format(instant.atZone(AMSTERDAM));
    }

    /** Equals Money: ISO 8601 without milliseconds, {@code 2019-08-24T14:15:22Z}. */
    public static OffsetDateTime utcSeconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC);
    }

    /**
     * Equals Money as text. Not {@code OffsetDateTime.toString()}, which drops the seconds when they are zero
     * ({@code 2019-08-24T14:15Z}), a form RFC 3339 and the spec's {@code date-time} do not allow.
     */
    public static String utcSecondsText(Instant instant) {
        return SECONDS_OFFSET_Z.format(utcSeconds(instant));
    }

    /** Partoo: microseconds and Z, {@code 2024-11-27T16:10:44.929678Z}. */
    public static String utcMicros(Instant instant) {
        return MICROS_Z.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** Mollie: seconds and {@code +00:00}, {@code 2024-12-06T10:09:56+00:00}. */
    public static String utcOffsetSeconds(Instant instant) {
        return SECONDS_OFFSET.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** As the stores keep a timestamp: ISO 8601 in UTC, {@code 2024-04-29T19:00:00Z}, as precise as it is. */
    public static String iso(Instant instant) {
        return instant.toString();
    }

    /** Reads any ISO 8601 date-time with an offset, as the specs' examples and fixture files write them. */
    public static Instant parse(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }
}
