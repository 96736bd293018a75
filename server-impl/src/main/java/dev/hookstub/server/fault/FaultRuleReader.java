package dev.hookstub.server.fault;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.Operation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a rule from the admin API's {@code FaultRuleFields}, refusing anything malformed with a 400 naming the
 * field. The admin API's spec validator has checked the types and ranges already; what needs the API's spec (an
 * operationId) or more than one field (exactly one effect) is checked here, and the types again, so that a rule
 * read from anywhere else cannot slip through either.
 */
final class FaultRuleReader {

    private static final Set<String> FIELDS = Set.of("operation", "credential", "times", "fraction", "seed", "delay",
            "status", "headers", "message", "fault");
    private static final List<String> EFFECTS = List.of("delay", "status", "fault");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}");
    /** Headers that frame the answer: the stub writes them itself, and a rule's own would corrupt it. */
    private static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding", "content-type",
            "connection");
    /** Statuses that tell a client to come back later get a Retry-After unless the rule gives one. */
    static final Set<Integer> RETRY_LATER = Set.of(429, 503);
    static final String DEFAULT_RETRY_AFTER_SECONDS = "1";

    private final OpenApiSpec spec;

    FaultRuleReader(OpenApiSpec spec) {
        this.spec = spec;
    }

    FaultRule read(String id, JsonNode fields) {
        if (fields == null || !fields.isObject()) {
            throw invalid(null, "The body must be a JSON object: a match (operation, credential, times, fraction) "
                    + "and one effect (delay, status or fault).");
        }
        for (Iterator<String> names = fields.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw invalid(name, "The " + name + " field is not part of a fault rule.");
            }
        }
        return new FaultRule(id, match(fields), effect(fields));
    }

    private FaultRule.Match match(JsonNode fields) {
        String operation = text(fields, "operation");
        if (operation != null && spec.operationNamed(operation).isEmpty()) {
            throw invalid("operation", "The operation field must be one of this API's operationIds: "
                    + String.join(", ", spec.operations().stream().map(Operation::label).toList()) + "; leave it out to match every request.");
        }
        String credential = text(fields, "credential");
        Long times = integer(fields, "times", 1, Integer.MAX_VALUE);
        Double fraction = null;
        if (fields.has("fraction")) {
            JsonNode value = fields.get("fraction");
            if (!value.isNumber() || !(value.asDouble() > 0) || value.asDouble() > 1) {
                throw invalid("fraction", "The fraction field must be a number greater than 0 and at most 1.");
            }
            fraction = value.asDouble();
        }
        Long seed = integer(fields, "seed", Long.MIN_VALUE, Long.MAX_VALUE);
        if (seed != null && fraction == null && !fields.has("delay")) {
            throw invalid("seed", "The seed field only makes the draws of a fraction or a lognormal delay repeatable.");
        }
        return new FaultRule.Match(operation, credential, times == null ? null : times.intValue(), fraction, seed);
    }

    private static FaultEffect effect(JsonNode fields) {
        List<String> given = new ArrayList<>();
        EFFECTS.stream().filter(fields::has).forEach(given::add);
        if (given.size() != 1) {
            throw invalid(given.isEmpty() ? null : given.get(1), "A fault rule has exactly one effect: delay, status or "
                    + "fault" + (given.isEmpty() ? "." : "; this one has " + String.join(" and ", given) + "."));
        }
        if (!given.get(0).equals("status")) {
            for (String statusOnly : List.of("headers", "message")) {
                if (fields.has(statusOnly)) {
                    throw invalid(statusOnly, "The " + statusOnly + " field goes with a status effect only.");
                }
            }
        }
        return switch (given.get(0)) {
            case "delay" -> delay(fields.get("delay"));
            case "status" -> status(fields);
            default -> failure(fields.get("fault"));
        };
    }

    private static FaultEffect.Delay delay(JsonNode delay) {
        if (!delay.isObject() || delay.size() != 1 || !(delay.has("fixedMs") || delay.has("lognormal"))) {
            throw invalid("delay", "The delay field must be {\"fixedMs\": ...} or "
                    + "{\"lognormal\": {\"medianMs\": ..., \"sigma\": ...}}.");
        }
        if (delay.has("fixedMs")) {
            return new FaultEffect.FixedDelay(integer(delay, "fixedMs", "delay.fixedMs", 0, FaultEffect.MAX_DELAY_MS));
        }
        JsonNode lognormal = delay.get("lognormal");
        if (!lognormal.isObject() || !lognormal.has("medianMs") || !lognormal.has("sigma")) {
            throw invalid("delay.lognormal", "The delay.lognormal field must be {\"medianMs\": ..., \"sigma\": ...}.");
        }
        for (Iterator<String> names = lognormal.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("medianMs") && !name.equals("sigma")) {
                throw invalid("delay.lognormal." + name, "The delay.lognormal field takes medianMs and sigma only.");
            }
        }
        return new FaultEffect.LognormalDelay(number(lognormal, "medianMs", "delay.lognormal.medianMs",
                FaultEffect.MAX_DELAY_MS), number(lognormal, "sigma", "delay.lognormal.sigma", 10));
    }

    private static FaultEffect.Status status(JsonNode fields) {
        int status = integer(fields, "status", 400, 599).intValue();
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode given = fields.path("headers");
        if (fields.has("headers")) {
            if (!given.isObject()) {
                throw invalid("headers", "The headers field must be an object of header names and values.");
            }
            for (Iterator<Map.Entry<String, JsonNode>> entries = given.fields(); entries.hasNext(); ) {
                Map.Entry<String, JsonNode> header = entries.next();
                String name = header.getKey();
                String field = "headers." + name;
                if (!TOKEN.matcher(name).matches()) {
                    throw invalid(field, "The header name " + name + " is not an HTTP token.");
                }
                if (FRAMING.contains(name.toLowerCase(Locale.ROOT))) {
                    throw invalid(field, "The " + name + " header is written by the stub; a rule cannot set it.");
                }
                JsonNode value = header.getValue();
                if (!value.isTextual() || value.asText().length() > 1024 || value.asText().chars()
                        .anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                    throw invalid(field, "A header value must be text of at most 1024 characters, without control "
                            + "characters.");
                }
                headers.put(name, value.asText());
            }
        }
        if (RETRY_LATER.contains(status) && headers.keySet().stream().noneMatch("retry-after"::equalsIgnoreCase)) {
            headers.put("Retry-After", DEFAULT_RETRY_AFTER_SECONDS);
        }
        String message = text(fields, "message");
        return new FaultEffect.Status(status, headers, message);
    }

    private static FaultEffect.Failure failure(JsonNode fault) {
        for (FaultEffect.Failure.Kind kind : FaultEffect.Failure.Kind.values()) {
            if (fault.isTextual() && kind.name().equals(fault.asText())) {
                return new FaultEffect.Failure(kind);
            }
        }
        throw invalid("fault", "The fault field must be one of CONNECTION_RESET_BY_PEER, EMPTY_RESPONSE, "
                + "MALFORMED_RESPONSE_CHUNK.");
    }

    private static String text(JsonNode fields, String field) {
        if (!fields.has(field)) {
            return null;
        }
        JsonNode value = fields.get(field);
        if (!value.isTextual() || value.asText().isEmpty() || value.asText().length() > 4096) {
            throw invalid(field, "The " + field + " field must be text of 1 to 4096 characters.");
        }
        return value.asText();
    }

    private static Long integer(JsonNode fields, String field, long min, long max) {
        return fields.has(field) ? integer(fields, field, field, min, max) : null;
    }

    private static long integer(JsonNode fields, String name, String field, long min, long max) {
        JsonNode value = fields.path(name);
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            throw invalid(field, "The " + field + " field must be an integer from " + min + " to " + max + ".");
        }
        return value.asLong();
    }

    private static double number(JsonNode fields, String name, String field, double max) {
        JsonNode value = fields.path(name);
        if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > max) {
            throw invalid(field, "The " + field + " field must be a number from 0 to " + (long) max + ".");
        }
        return value.asDouble();
    }

    private static ApiProblem invalid(String field, String detail) {
        return ApiProblem.invalid(400, field, detail);
    }
}
