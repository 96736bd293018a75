package dev.hookstub.openapi.diff;

import static dev.hookstub.openapi.diff.Direction.REQUEST;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.openapi.diff.Reach.Pair;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares two schemas and everything under them (properties, array items), through {@code $ref}s and
 * {@code allOf}, in the direction their values travel. Each pair of schemas is compared once (see {@link Reach}).
 */
final class SchemaComparison {

    private final Document oldDocument;
    private final Document newDocument;
    private final Reach reach;
    private final Deque<Pair> path = new ArrayDeque<>();

    SchemaComparison(Document oldDocument, Document newDocument, Reach reach) {
        this.oldDocument = oldDocument;
        this.newDocument = newDocument;
        this.reach = reach;
    }

    /** Compares the schemas at the two pointers, reached from {@code operation}. */
    void compare(String operation, String oldPointer, String newPointer, Direction direction) {
        Pair pair = pair(oldPointer, newPointer, direction);
        reach.root(operation, pair);
        walk(pair);
    }

    private Pair pair(String oldPointer, String newPointer, Direction direction) {
        return new Pair(oldDocument.resolve(oldPointer), newDocument.resolve(newPointer), direction);
    }

    private void child(String oldPointer, String newPointer, Direction direction) {
        Pair pair = pair(oldPointer, newPointer, direction);
        reach.link(path.peek(), pair);
        walk(pair);
    }

    private void walk(Pair pair) {
        if (!reach.visit(pair)) {
            return;
        }
        path.push(pair);
        try {
            compare(SchemaView.of(oldDocument, pair.oldPointer()), SchemaView.of(newDocument, pair.newPointer()),
                    pair.direction());
        } finally {
            path.pop();
        }
    }

    private void found(DiffRule rule, String pointer, String message) {
        reach.found(path.peek(), rule, pointer, message);
    }

    private void compare(SchemaView before, SchemaView after, Direction direction) {
        if (before.nullable() != after.nullable()) {
            found(DiffRule.of(direction, after.nullable() ? "became-nullable" : "became-not-nullable"),
                    after.pointer(), after.nullable() ? "may now be null" : "may no longer be null");
        }
        // Once the type differs, its members and bounds no longer compare: the one change is the type.
        if (!before.shape().equals(after.shape())) {
            found(DiffRule.of(direction, "type-changed"), after.where("type"),
                    "type changed from " + before.shape() + " to " + after.shape());
            return;
        }
        List<JsonNode> oldEnum = before.enumValues();
        List<JsonNode> newEnum = after.enumValues();
        if ((oldEnum == null) != (newEnum == null)) {
            found(DiffRule.of(direction, "type-changed"), after.where("enum"),
                    newEnum != null ? "now an enum of " + values(newEnum) : "no longer an enum (was "
                            + values(oldEnum) + ")");
        } else {
            if (!Objects.equals(before.format(), after.format())) {
                found(DiffRule.of(direction, "format-changed"), after.where("format"),
                        "format changed from " + orNone(before.format()) + " to " + orNone(after.format()));
            }
            if (oldEnum != null) {
                compareEnums(oldEnum, newEnum, after.where("enum"), direction);
            }
        }
        compareMaxLength(before, after, direction);
        compareBound(before.lower(), after.lower(), 1, after.where(after.lower() != null && after.lower().exclusive()
                && !newDocument.openApi30() ? "exclusiveMinimum" : "minimum"), direction);
        compareBound(before.upper(), after.upper(), -1, after.where(after.upper() != null && after.upper().exclusive()
                && !newDocument.openApi30() ? "exclusiveMaximum" : "maximum"), direction);
        comparePattern(before.pattern(), after.pattern(), after.where("pattern"), direction);
        compareProperties(before, after, direction);
        if (before.items() != null && after.items() != null) {
            child(before.items(), after.items(), direction);
        }
        List<String> oldAlternatives = before.alternatives();
        List<String> newAlternatives = after.alternatives();
        for (int i = 0; i < oldAlternatives.size(); i++) {
            child(oldAlternatives.get(i), newAlternatives.get(i), direction);
        }
    }

    private void compareEnums(List<JsonNode> before, List<JsonNode> after, String pointer, Direction direction) {
        for (JsonNode value : after) {
            if (!before.contains(value)) {
                found(DiffRule.of(direction, "enum-value-added"), pointer, "enum value " + value + " added");
            }
        }
        for (JsonNode value : before) {
            if (!after.contains(value)) {
                found(DiffRule.of(direction, "enum-value-removed"), pointer, "enum value " + value + " removed");
            }
        }
    }

    private void compareMaxLength(SchemaView before, SchemaView after, Direction direction) {
        Long was = before.maxLength();
        Long is = after.maxLength();
        if (Objects.equals(was, is)) {
            return;
        }
        boolean narrower = is != null && (was == null || is < was);
        found(narrower ? narrowed(direction, "max-length-decreased") : widened(direction, "max-length-increased"),
                after.where("maxLength"), "maxLength " + changed(String.valueOf(was), String.valueOf(is), was == null,
                        is == null));
    }

    private void compareBound(Bound was, Bound is, int sign, String pointer, Direction direction) {
        if (was == null ? is == null : was.sameAs(is)) {
            return;
        }
        boolean narrower = is != null && is.compareTightness(was, sign) > 0;
        String what = sign > 0 ? "min" : "max";
        found(narrower ? narrowed(direction, what + (sign > 0 ? "-increased" : "-decreased"))
                        : widened(direction, what + (sign > 0 ? "-decreased" : "-increased")),
                pointer, (sign > 0 ? "lower" : "upper") + " bound " + changed(was == null ? "" : was.show(sign),
                        is == null ? "" : is.show(sign), was == null, is == null));
    }

    private void comparePattern(String was, String is, String pointer, Direction direction) {
        if (Objects.equals(was, is)) {
            return;
        }
        DiffRule rule = direction == REQUEST
                ? (was == null ? DiffRule.REQUEST_PATTERN_ADDED : is == null ? DiffRule.REQUEST_BOUNDS_WIDENED
                        : DiffRule.REQUEST_PATTERN_CHANGED)
                : DiffRule.RESPONSE_PATTERN_CHANGED;
        found(rule, pointer, "pattern " + changed("'" + was + "'", "'" + is + "'", was == null, is == null));
    }

    /** A bound that now allows less: breaks clients sending requests, only binds servers in a response. */
    private static DiffRule narrowed(Direction direction, String requestRule) {
        return direction == REQUEST ? DiffRule.of(REQUEST, requestRule) : DiffRule.RESPONSE_BOUNDS_NARROWED;
    }

    /** A bound that now allows more: servers must accept more in a request, clients may get more in a response. */
    private static DiffRule widened(Direction direction, String responseRule) {
        return direction == REQUEST ? DiffRule.REQUEST_BOUNDS_WIDENED : DiffRule.of(Direction.RESPONSE, responseRule);
    }

    private void compareProperties(SchemaView before, SchemaView after, Direction direction) {
        Map<String, String> oldProperties = before.properties();
        Map<String, String> newProperties = after.properties();
        Set<String> oldRequired = before.required();
        Set<String> newRequired = after.required();
        for (Map.Entry<String, String> property : newProperties.entrySet()) {
            String name = property.getKey();
            if (ignored(newDocument, property.getValue(), direction)) {
                continue;
            }
            if (!oldProperties.containsKey(name)) {
                boolean required = newRequired.contains(name);
                DiffRule rule = direction == REQUEST
                        ? (required ? DiffRule.REQUEST_PROPERTY_ADDED_REQUIRED : DiffRule.REQUEST_PROPERTY_ADDED_OPTIONAL)
                        : DiffRule.RESPONSE_PROPERTY_ADDED;
                found(rule, property.getValue(), (required ? "required" : "optional") + " property '" + name
                        + "' added");
                continue;
            }
            boolean wasRequired = oldRequired.contains(name);
            boolean isRequired = newRequired.contains(name);
            if (wasRequired != isRequired) {
                found(DiffRule.of(direction, "property-became-" + (isRequired ? "required" : "optional")),
                        property.getValue(), "property '" + name + "' became " + (isRequired ? "required"
                                : "optional"));
            }
            child(oldProperties.get(name), property.getValue(), direction);
        }
        for (Map.Entry<String, String> property : oldProperties.entrySet()) {
            String name = property.getKey();
            if (newProperties.containsKey(name) || ignored(oldDocument, property.getValue(), direction)) {
                continue;
            }
            boolean required = oldRequired.contains(name);
            DiffRule rule = direction == REQUEST ? DiffRule.REQUEST_PROPERTY_REMOVED
                    : required ? DiffRule.RESPONSE_REQUIRED_PROPERTY_REMOVED : DiffRule.RESPONSE_OPTIONAL_PROPERTY_REMOVED;
            found(rule, property.getValue(), (required ? "required" : "optional") + " property '" + name
                    + "' removed");
        }
    }

    /** A read-only property is never sent in a request, a write-only one never in a response. */
    private static boolean ignored(Document document, String propertyPointer, Direction direction) {
        return SchemaView.of(document, propertyPointer).flag(direction == REQUEST ? "readOnly" : "writeOnly");
    }

    private static String changed(String was, String is, boolean wasNone, boolean isNone) {
        if (wasNone) {
            return is + " set";
        }
        return isNone ? was + " removed" : "changed from " + was + " to " + is;
    }

    private static String values(List<JsonNode> values) {
        Set<String> shown = new LinkedHashSet<>();
        values.forEach(value -> shown.add(value.toString()));
        return "[" + String.join(", ", shown) + "]";
    }

    private static String orNone(String format) {
        return format == null ? "none" : "'" + format + "'";
    }
}
