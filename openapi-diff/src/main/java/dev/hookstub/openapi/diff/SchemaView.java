package dev.hookstub.openapi.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A schema as the diff reads it: after its {@code $ref}, with the members of its {@code allOf} (and theirs) merged
 * in, in both dialects ({@code nullable} or a type array with {@code "null"}; boolean or numeric exclusive bounds).
 * Each keyword is read from the first member that has one, except the bounds (the tightest wins) and
 * {@code required} (the union), which is what {@code allOf} means for them.
 */
final class SchemaView {

    private final Document document;
    private final String pointer;
    private final List<String> members;
    /** The {@code anyOf}/{@code oneOf}s (pointers) that only add null to one other schema: 3.1's nullable. */
    private final Set<String> nullIdioms;

    private SchemaView(Document document, String pointer, List<String> members, Set<String> nullIdioms) {
        this.document = document;
        this.pointer = pointer;
        this.members = members;
        this.nullIdioms = nullIdioms;
    }

    static SchemaView of(Document document, String pointer) {
        String base = document.resolve(pointer);
        List<String> members = new ArrayList<>();
        Set<String> nullIdioms = new HashSet<>();
        collect(document, base, members, nullIdioms, new HashSet<>());
        return new SchemaView(document, base, members, nullIdioms);
    }

    private static void collect(Document document, String pointer, List<String> members, Set<String> nullIdioms,
                                Set<String> seen) {
        if (!seen.add(pointer)) {
            return;
        }
        members.add(pointer);
        JsonNode allOf = document.at(pointer).get("allOf");
        if (allOf != null && allOf.isArray()) {
            for (int i = 0; i < allOf.size(); i++) {
                collect(document, document.resolve(pointer + "/allOf/" + i), members, nullIdioms, seen);
            }
        }
        // {anyOf: [S, {type: 'null'}]} says what {S, nullable: true} says in 3.0: S is a member, null allowed.
        for (String keyword : List.of("anyOf", "oneOf")) {
            JsonNode alternatives = document.at(pointer).get(keyword);
            if (alternatives != null && alternatives.isArray() && alternatives.size() == 2) {
                String first = document.resolve(pointer + "/" + keyword + "/0");
                String second = document.resolve(pointer + "/" + keyword + "/1");
                boolean firstNull = onlyNull(document.at(first));
                if (firstNull != onlyNull(document.at(second))) {
                    nullIdioms.add(pointer + "/" + keyword);
                    collect(document, firstNull ? second : first, members, nullIdioms, seen);
                }
            }
        }
    }

    /** A schema whose only value is null: {@code type: 'null'} (or {@code ['null']}), {@code const} or enum null. */
    private static boolean onlyNull(JsonNode schema) {
        JsonNode type = schema.path("type");
        boolean nullType = type.asText("").equals("null") || type.isArray() && type.size() == 1
                && type.get(0).asText().equals("null");
        boolean nullValue = schema.has("const") && schema.get("const").isNull() || schema.path("enum").isArray()
                && schema.path("enum").size() == 1 && schema.path("enum").get(0).isNull();
        return nullType || nullValue;
    }

    String pointer() {
        return pointer;
    }

    /** Where {@code keyword} is set: the member that sets it, else this schema. */
    String where(String keyword) {
        return members.stream().filter(member -> document.at(member).has(keyword)).findFirst()
                .map(member -> member + "/" + keyword).orElse(pointer);
    }

    private JsonNode keyword(String keyword) {
        for (String member : members) {
            JsonNode value = document.at(member).get(keyword);
            if (value != null) {
                return value;
            }
        }
        return MissingNode.getInstance();
    }

    /** The types a value may have, {@code "null"} left out (see {@link #nullable()}); empty means any. */
    Set<String> types() {
        Set<String> types = new LinkedHashSet<>();
        JsonNode type = keyword("type");
        if (type.isTextual()) {
            types.add(type.asText());
        } else if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (!properties().isEmpty()) {
            types.add("object");
        } else if (items() != null) {
            types.add("array");
        }
        types.remove("null");
        return types;
    }

    boolean nullable() {
        JsonNode type = keyword("type");
        boolean nullType = type.isArray() ? containsNull(type) : type.asText("").equals("null");
        return nullType || keyword("nullable").asBoolean(false) || !nullIdioms.isEmpty();
    }

    private static boolean containsNull(JsonNode array) {
        for (JsonNode item : array) {
            if (item.asText().equals("null")) {
                return true;
            }
        }
        return false;
    }

    String format() {
        return keyword("format").isTextual() ? keyword("format").asText() : null;
    }

    /** The values an enum (or a {@code const}) allows, {@code null} left out; null when there is neither. */
    List<JsonNode> enumValues() {
        JsonNode values = keyword("enum");
        if (values.isArray()) {
            List<JsonNode> list = new ArrayList<>();
            values.forEach(value -> {
                if (!value.isNull()) {
                    list.add(value);
                }
            });
            return list;
        }
        JsonNode constant = keyword("const");
        return constant.isMissingNode() ? null : List.of(constant);
    }

    Long maxLength() {
        Long tightest = null;
        for (String member : members) {
            JsonNode value = document.at(member).get("maxLength");
            if (value != null && value.canConvertToLong()) {
                tightest = tightest == null ? value.asLong() : Math.min(tightest, value.asLong());
            }
        }
        return tightest;
    }

    Bound lower() {
        Bound tightest = null;
        for (String member : members) {
            tightest = Bound.tighter(tightest, Bound.lower(document.at(member)), 1);
        }
        return tightest;
    }

    Bound upper() {
        Bound tightest = null;
        for (String member : members) {
            tightest = Bound.tighter(tightest, Bound.upper(document.at(member)), -1);
        }
        return tightest;
    }

    String pattern() {
        return keyword("pattern").isTextual() ? keyword("pattern").asText() : null;
    }

    /** Property name to the pointer of its schema (as written: it may be a {@code $ref}), in document order. */
    Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String member : members) {
            JsonNode declared = document.at(member).get("properties");
            if (declared != null && declared.isObject()) {
                declared.fieldNames().forEachRemaining(name ->
                        properties.putIfAbsent(name, Document.append(member + "/properties", name)));
            }
        }
        return properties;
    }

    Set<String> required() {
        Set<String> required = new HashSet<>();
        for (String member : members) {
            JsonNode names = document.at(member).get("required");
            if (names != null && names.isArray()) {
                names.forEach(name -> required.add(name.asText()));
            }
        }
        return required;
    }

    /** Pointer of the array's item schema, or null. */
    String items() {
        for (String member : members) {
            JsonNode items = document.at(member).get("items");
            if (items != null && items.isObject()) {
                return member + "/items";
            }
        }
        return null;
    }

    /** {@code oneOf} or {@code anyOf}, whichever the schema composes its values with; null for neither. */
    String composition() {
        for (String keyword : List.of("oneOf", "anyOf")) {
            if (keyword(keyword).isArray() && !nullIdioms.contains(where(keyword))) {
                return keyword;
            }
        }
        return null;
    }

    /** The pointers of the {@link #composition()}'s alternatives, in order. */
    List<String> alternatives() {
        String composition = composition();
        List<String> alternatives = new ArrayList<>();
        if (composition != null) {
            String at = where(composition);
            for (int i = 0; i < keyword(composition).size(); i++) {
                alternatives.add(at + "/" + i);
            }
        }
        return alternatives;
    }

    /**
     * What the report calls the schema's type: {@code string}, {@code integer|string}, {@code oneOf of 2 schemas}
     * (alternatives are compared one by one only when both sides have as many), or {@code any}.
     */
    String shape() {
        Set<String> types = types();
        if (!types.isEmpty()) {
            return String.join("|", types);
        }
        return composition() == null ? "any" : composition() + " of " + alternatives().size() + " schemas";
    }

    /** {@code readOnly} or {@code writeOnly} set to true anywhere in the schema's members. */
    boolean flag(String keyword) {
        return members.stream().anyMatch(member -> document.at(member).path(keyword).asBoolean(false));
    }
}
