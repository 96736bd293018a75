package dev.hookstub.server.journal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which journal entries a listing or a verification is about; every part optional. A body is compared as JSON
 * (numbers by value: {@code 1} equals {@code 1.0}); a body that was not read, is not JSON, or was truncated matches
 * no pointer.
 */
public final class JournalQuery {

    /** A part of a query that cannot be read; {@link #field()} is the name the caller gave it. */
    public static final class Invalid extends IllegalArgumentException {
        private final String field;

        Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private static final Pattern METHOD = Pattern.compile("[A-Za-z]{1,16}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    private String method;
    private String pathTemplate;
    private Integer status;
    private Instant since;
    private Instant until;
    private JsonPointer bodyPointer;
    private JsonNode bodyEquals;

    public static JournalQuery all() {
        return new JournalQuery();
    }

    public JournalQuery method(String value) {
        if (value != null) {
            if (!METHOD.matcher(value).matches()) {
                throw new Invalid("method", "The method field must be an HTTP method such as GET, not '" + value + "'.");
            }
            method = value.toUpperCase(Locale.ROOT);
        }
        return this;
    }

    public JournalQuery pathTemplate(String value) {
        pathTemplate = value;
        return this;
    }

    public JournalQuery status(Integer value) {
        if (value != null && (value < 100 || value > 599)) {
            throw new Invalid("status", "The status field must be an HTTP status between 100 and 599.");
        }
        status = value;
        return this;
    }

    /** Received at or after this date-time (RFC 3339, with an offset). */
    public JournalQuery since(String value) {
        since = time("since", value);
        return this;
    }

    /** Received before this date-time. */
    public JournalQuery until(String value) {
        until = time("until", value);
        return this;
    }

    /**
     * Only entries whose JSON body has {@code expected} at {@code pointer}. {@code expected} may be any JSON value,
     * null included; {@code hasExpected} says whether one was given at all.
     */
    public JournalQuery body(String pointer, boolean hasExpected, JsonNode expected) {
        if (pointer == null) {
            if (hasExpected) {
                throw new Invalid("bodyPointer", "The bodyPointer field is required with bodyEquals.");
            }
            return this;
        }
        if (!pointer.startsWith("/")) {
            throw new Invalid("bodyPointer", "The bodyPointer field must be a JSON pointer starting with /, such as "
                    + "/url.");
        }
        try {
            bodyPointer = JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            throw new Invalid("bodyPointer", "The bodyPointer field is not a JSON pointer: " + e.getMessage());
        }
        bodyEquals = hasExpected ? expected : null;
        return this;
    }

    boolean matches(JournalEntry entry) {
        if (method != null && !method.equals(entry.method())
                || pathTemplate != null && !pathTemplate.equals(entry.pathTemplate())
                || status != null && status != entry.status()
                || since != null && entry.receivedAtMillis() < since.toEpochMilli()
                || until != null && entry.receivedAtMillis() >= until.toEpochMilli()) {
            return false;
        }
        return bodyPointer == null || bodyMatches(entry);
    }

    /** With a pointer but no value to compare, the pointer must be present in the body. */
    private boolean bodyMatches(JournalEntry entry) {
        if (entry.body() == null || entry.bodyTruncated()) {
            return false;
        }
        JsonNode found;
        try {
            found = JSON.readTree(entry.body()).at(bodyPointer);
        } catch (IOException notJson) {
            return false;
        }
        if (found.isMissingNode()) {
            return false;
        }
        return bodyEquals == null || found.equals(NUMBERS_BY_VALUE, bodyEquals);
    }

    private static Instant time(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new Invalid(field, "The " + field + " field must be a date-time such as 2026-01-31T12:00:00Z, not '"
                    + value + "'.");
        }
    }
}
