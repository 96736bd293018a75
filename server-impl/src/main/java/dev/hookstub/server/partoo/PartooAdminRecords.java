package dev.hookstub.server.partoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookstub.server.admin.StoredAdminRecords;
import dev.hookstub.server.api.ApiContext;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.record.RecordShape;
import dev.hookstub.server.record.SpecRecord;
import dev.hookstub.server.store.IdSequence;
import dev.hookstub.server.store.WebhookStore;
import java.math.BigDecimal;

final class PartooAdminRecords extends StoredAdminRecords {

    /** What an HTTP token may hold beside letters and digits (RFC 9110 §5.6.2). */
    private static final String TOKEN_MARKS = "!#$%&'*+-.^_`|~";

    /**
     * Partoo ids are integers handed out in sequence; explicit ids move the sequence past them. The store keeps it,
     * so that instances sharing the records never hand out the same id.
     */
    private final IdSequence sequence;

    PartooAdminRecords(WebhookStore<SpecRecord> store, ApiContext context, RecordShape shape) {
        super(store, context, shape);
        this.sequence = store.idSequence(record -> record.json("id").asLong());
    }

    /** After the store was emptied, ids start again from 1. */
    void restartIds() {
        sequence.restart();
    }

    @Override
    protected void prepare(ObjectNode fields) {
        for (String field : new String[] {"id", "org_id"}) {
            integral(fields, field);
        }
        if (!fields.has("id")) {
            long next = sequence.next();
            // The sequence stays at 2^63-1 once there: that id is the last one to hand out, used up once taken.
            if (next == Long.MAX_VALUE && store.find(shape.key(String.valueOf(next))).isPresent()) {
                throw ApiProblem.conflict("Partoo's ids are used up to " + Long.MAX_VALUE + ", the largest a 64-bit "
                        + "integer holds: give the record an id.");
            }
            fields.put("id", next);
        }
    }

    /**
     * A number with no fraction written as a decimal ({@code 2.0}, {@code 1E2}, {@code -0.0}) is the integer it is
     * (JSON Schema's integer takes it): kept as written, it was stored beside the record with the same id and
     * served as {@code 2.0}.
     */
    private static void integral(ObjectNode fields, String field) {
        JsonNode value = fields.get(field);
        if (value != null && value.isNumber() && !value.isIntegralNumber()) {
            BigDecimal decimal = value.decimalValue();
            if (decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0) {
                fields.put(field, decimal.toBigIntegerExact());
            }
        }
    }

    @Override
    protected void check(ObjectNode given, SpecRecord record) {
        for (String field : new String[] {"id", "org_id"}) {
            if (!record.json(field).canConvertToLong()) {
                // The schema's integer is unbounded; stored as a long, a larger one would be cut to another number.
                throw ApiProblem.invalid(400, field, "The " + field + " field must fit a 64-bit integer.");
            }
        }
        if (given.has("id")) {
            sequence.taken(record.json("id").asLong());
        }
        record.json("custom_headers").fields().forEachRemaining(header -> {
            String problem = unsendable(header.getKey(), header.getValue().asText());
            if (problem != null) {
                throw ApiProblem.invalid(400, "custom_headers." + header.getKey(), "The custom header "
                        + header.getKey() + " " + problem + ", so no delivery could send it.");
            }
        });
    }

    /**
     * Why a custom header cannot go out with a delivery, or null: Partoo's pattern lets a name hold any character but
     * a few, and its values any text, while an HTTP field name is a token and a value holds no line break or NUL
     * (RFC 9110 §5.1, §5.5); the delivery left such a header out, and said nothing.
     */
    private static String unsendable(String name, String value) {
        if (!name.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || TOKEN_MARKS.indexOf(c) >= 0))) {
            return "has a name that is not an HTTP token (letters, digits and !#$%&'*+-.^_`|~)";
        }
        if (!value.chars().allMatch(c -> c == '\t' || c >= 0x20 && c <= 0x7e)) {
            return "has a value with a character other than visible ASCII, space or tab";
        }
        return null;
    }
}
