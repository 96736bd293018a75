package dev.hookstub.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.api.admin.ClockApi;
import dev.hookstub.api.admin.model.AdminClock;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.clock.StubClock;
import dev.hookstub.server.clock.Timestamps;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin API's clock ({@link ClockApi}): {@code GET /clock} reads it, {@code POST /clock} freezes, sets or
 * advances it, {@code DELETE /clock} returns it to real time. A request is checked whole before the clock changes,
 * so a bad one changes nothing. The change stays JSON: its checks look at the JSON's own types (a whole number
 * written {@code 1.0} is no number of seconds), which binding to a model would coerce away.
 */
public final class ClockResource implements ClockApi {

    static final List<String> ACTIONS = List.of("freeze", "set", "advance", "advanceSeconds");
    /** Further than this is a typo, and far enough past it the instant itself would overflow. */
    static final Duration MAX_ADVANCE = Duration.ofDays(36_525);

    private final StubClock clock;

    ClockResource(StubClock clock) {
        this.clock = clock;
    }

    @Override
    public Response getClock() {
        return Response.ok(view()).build();
    }

    @Override
    public Response changeClock(JsonNode body) {
        String action = action(body);
        JsonNode value = body.get(action);
        switch (action) {
            case "freeze" -> {
                if (!value.isBoolean() || !value.booleanValue()) {
                    throw ApiProblem.invalid(400, action, "The freeze field must be true; DELETE /clock runs the "
                            + "clock again.");
                }
                clock.freeze();
            }
            case "set" -> clock.set(instant(value));
            default -> advance(action, duration(action, value));
        }
        return Response.ok(view()).build();
    }

    @Override
    public Response resetClock() {
        clock.reset();
        return Response.noContent().build();
    }

    private static String action(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiProblem.invalid(400, null, "The body must be a JSON object with one of the fields "
                    + String.join(", ", ACTIONS) + ".");
        }
        List<String> given = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!ACTIONS.contains(name)) {
                throw ApiProblem.invalid(400, name, "The " + name + " field is not one the clock knows; use one of "
                        + String.join(", ", ACTIONS) + ".");
            }
            given.add(name);
        });
        if (given.size() != 1) {
            throw ApiProblem.invalid(400, given.isEmpty() ? null : given.get(1), "Give exactly one of the fields "
                    + String.join(", ", ACTIONS) + (given.isEmpty() ? "." : ", not " + String.join(" and ", given)
                    + "."));
        }
        return given.get(0);
    }

    /**
     * The clock's span: RFC 3339 writes four-digit years, and every API's timestamps must stay RFC 3339 in any offset
     * they are written in (MijnKlantportaal's Amsterdam time among them); past 9999 they came out as +10099-...
     */
    static final Instant FIRST = Instant.parse("0000-01-02T00:00:00Z");
    static final Instant LAST = Instant.parse("9999-12-30T23:59:59.999999999Z");
    private static final String SPAN = "the clock's span, " + FIRST + " to "
            + LAST.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ": timestamps are written with four-digit years.";

    private static Instant instant(JsonNode value) {
        try {
            if (value.isTextual()) {
                Instant at = Timestamps.parse(value.asText());
                if (at.isBefore(FIRST) || at.isAfter(LAST)) {
                    throw ApiProblem.invalid(400, "set", "The set field must lie within " + SPAN);
                }
                return at;
            }
        } catch (DateTimeException unreadable) {
            // Answered below.
        }
        throw ApiProblem.invalid(400, "set", "The set field must be a date-time with an offset, such as "
                + "2030-01-01T00:00:00Z.");
    }

    private static Duration duration(String field, JsonNode value) {
        Duration duration = null;
        if (field.equals("advanceSeconds") && value.canConvertToLong() && value.isIntegralNumber()) {
            duration = Duration.ofSeconds(value.longValue());
        } else if (field.equals("advance") && value.isTextual()) {
            try {
                duration = Duration.parse(value.asText());
            } catch (DateTimeException unreadable) {
                // Answered below.
            }
        }
        if (duration == null || duration.isNegative() || duration.isZero() || duration.compareTo(MAX_ADVANCE) > 0) {
            throw ApiProblem.invalid(400, field, field.equals("advance")
                    ? "The advance field must be a positive ISO 8601 duration of days or less, such as PT1H or P1D, "
                    + "up to P36525D."
                    : "The advanceSeconds field must be a whole number of seconds from 1 to "
                    + MAX_ADVANCE.toSeconds() + ".");
        }
        return duration;
    }

    private void advance(String field, Duration by) {
        boolean beyond;
        try {
            beyond = clock.instant().plus(by).isAfter(LAST);
        } catch (DateTimeException | ArithmeticException overflow) {
            beyond = true;
        }
        if (beyond) {
            throw ApiProblem.invalid(400, field, "The " + field + " field moves the clock beyond " + SPAN);
        }
        clock.advance(by);
    }

    private AdminClock view() {
        return new AdminClock().mode(AdminClock.ModeEnum.fromValue(clock.mode().json())).now(clock.instant().toString());
    }
}
