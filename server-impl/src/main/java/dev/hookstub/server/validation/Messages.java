package dev.hookstub.server.validation;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Turns schema errors into messages a client developer can act on, naming the field. */
final class Messages {

    private Messages() {
    }

    /**
     * The field an error is about: the missing property for "required", the unknown one for
     * "additionalProperties", else the last segment of its location.
     */
    static String field(Error error) {
        if ("dependentRequired".equals(error.getKeyword())) {
            // Named for the field that is missing, as for "required": bodyPointer, which bodyEquals needs.
            String missing = quoted(error, "missing property '([^']+)'");
            if (missing != null) {
                return joined(error.getInstanceLocation().toString(), missing);
            }
        }
        boolean aboutProperty = "required".equals(error.getKeyword()) || "additionalProperties".equals(error.getKeyword());
        if (aboutProperty && error.getProperty() != null) {
            return joined(error.getInstanceLocation().toString(), error.getProperty());
        }
        String location = error.getInstanceLocation().toString();
        String path = location.startsWith("$") ? location.substring(1) : location;
        path = dotted(path.replaceAll("^[./]", ""));
        return path.isEmpty() ? null : path;
    }

    static String bodyMessage(String field, Error error) {
        if ("required".equals(error.getKeyword())) {
            return "The " + field + " field is required.";
        }
        String given = quoted(error, "because '([^']+)' is present");
        if ("dependentRequired".equals(error.getKeyword()) && field != null && given != null) {
            return "The " + field + " field is required with " + given + ".";
        }
        if (field == null) {
            return "The request body is invalid: " + reason(error) + ".";
        }
        if ("false".equals(error.getKeyword())) {
            // A property schema of false: the field may not appear here, e.g. beside one it excludes.
            return "The " + field + " field is not allowed together with the other fields given.";
        }
        return "The " + field + " field is invalid: " + reason(error) + ".";
    }

    /**
     * When the body misses every alternative of an {@code anyOf} whose branches each require one field (a fault
     * rule's effects), the validator reports each branch's "required": one message names them all.
     */
    static Alternatives alternatives(List<Error> errors) {
        List<String> fields = new ArrayList<>();
        String needing = null;
        for (Error error : errors) {
            String path = error.getEvaluationPath().toString();
            if (!"required".equals(error.getKeyword()) || error.getProperty() == null || !path.contains("anyOf")) {
                return null;
            }
            fields.add(error.getProperty());
            // Under dependentSchemas the alternatives are what one given field needs (a seed: a fraction or delay).
            java.util.regex.Matcher dependent = java.util.regex.Pattern.compile("dependentSchemas[/.]([^/.]+)")
                    .matcher(path);
            needing = dependent.find() ? dependent.group(1) : null;
        }
        if (fields.size() < 2) {
            return null;
        }
        String choice = String.join(", ", fields.subList(0, fields.size() - 1)) + " or " + fields.get(fields.size() - 1);
        return needing == null
                ? new Alternatives(null, "The request body needs one of the fields " + choice + ".")
                : new Alternatives(needing, "The " + needing + " field needs one of the fields " + choice + ".");
    }

    /** A refusal for a body that lacks every alternative: the field that needs them (null: the body), and why. */
    record Alternatives(String field, String message) {
    }

    /** A name the validator's message quotes, found by {@code pattern}'s first group; null when absent. */
    private static String quoted(Error error, String pattern) {
        java.util.regex.Matcher found = java.util.regex.Pattern.compile(pattern).matcher(error.getMessage());
        return found.find() ? found.group(1) : null;
    }

    /** The validator's message without the instance location it starts with. */
    static String reason(Error error) {
        String message = error.getMessage();
        int colon = message.indexOf(": ");
        String reason = colon >= 0 && message.startsWith("$") ? message.substring(colon + 2) : message;
        // The library glues a format's own words to its template: "does not match the uuid pattern must be a valid
        // RFC 4122 UUID".
        return FORMAT_GLUE.matcher(reason).replaceFirst("is not a valid $1: it $2");
    }

    private static final java.util.regex.Pattern FORMAT_GLUE =
            java.util.regex.Pattern.compile("^does not match the (\\S+) pattern (must .*)$");

    /** What the parser objected to, in its own words, without source excerpts or class names. */
    static String parseProblem(tools.jackson.core.JacksonException e) {
        String message = e.getOriginalMessage() == null ? "unreadable input" : e.getOriginalMessage();
        if (message.startsWith("Trailing token")) {
            return "more follows the JSON value: a body is one value";
        }
        message = message.lines().findFirst().orElse("unreadable input")
                .replaceAll("\\s*\\(?(start marker at )?\\[Source:.*$", "")
                .replaceAll(",? ?from `[^`]*`", "")
                .replaceAll("[\\w$]+(\\.[\\w$]+){2,}", "");
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }

    static List<String> requiredProperties(Schema schema) {
        List<String> required = new ArrayList<>();
        JsonNode node = schema.getSchemaNode().path("required");
        node.forEach(n -> required.add(n.asString()));
        return required;
    }

    private static String joined(String location, String property) {
        String parent = location.startsWith("$") ? location.substring(1) : location;
        parent = dotted(parent.replaceAll("^[./]", ""));
        return parent.isEmpty() ? property : parent + "." + property;
    }

    /** A nested field as {@code delay.fixedMs}, as Mollie names one, whether the location came as a pointer or not. */
    private static String dotted(String location) {
        return location.replace('/', '.');
    }
}
