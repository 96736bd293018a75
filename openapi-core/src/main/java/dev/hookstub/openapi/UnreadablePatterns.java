package dev.hookstub.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The patterns of a document that cannot be read even as JavaScript reads them ({@link EcmaPatterns}): a syntax no
 * engine takes, a property class Java lacks. They hold no value ({@link BoundedMatch#of}), and no value can be made
 * for them; a reader of a run or a proxy's log is told so once, with where each is, rather than left to wonder why a
 * value passed or why no request could be made.
 */
public final class UnreadablePatterns {

    /** Members whose values are data, not schemas: a {@code pattern} member there is somebody's data. */
    private static final Set<String> DATA = Set.of("example", "examples", "default", "enum", "const");
    /** Maps whose member names are names (a property called {@code example}), not keywords. */
    private static final Set<String> NAMED = Set.of("properties", "patternProperties", "$defs", "definitions",
            "dependentSchemas", "schemas", "paths", "responses", "parameters", "headers", "content", "encoding");

    private UnreadablePatterns() {
    }

    /** Each unreadable pattern by the JSON pointer of its {@code pattern} member, with why it cannot be read. */
    public static Map<String, String> in(OpenApiSpec spec) {
        Map<String, String> found = new LinkedHashMap<>();
        walk(spec.document(), "", false, found);
        return found;
    }

    /** A line for a reader: the pattern, where it is and why it cannot be read, and what follows from that. */
    public static String described(OpenApiSpec spec, String pointer, String why) {
        return "The spec's pattern " + spec.node(pointer).asText() + " at #" + pointer + " cannot be read (" + why
                + "): no value is held to it, and none is made for it.";
    }

    /** @param names the node's member names are names, not keywords */
    private static void walk(JsonNode node, String pointer, boolean names, Map<String, String> found) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, false, found);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> members = node.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            String name = member.getKey();
            String at = pointer + "/" + JsonPointers.escape(name);
            if (!names && name.equals("pattern") && member.getValue().isTextual()) {
                String why = unreadable(member.getValue().asText());
                if (why != null) {
                    found.put(at, why);
                }
            } else if (names || !DATA.contains(name) && !name.startsWith("x-")) {
                walk(member.getValue(), at, !names && NAMED.contains(name), found);
            }
        }
    }

    /** Why the pattern cannot be read; empty when it can. */
    public static java.util.Optional<String> why(String ecma) {
        return java.util.Optional.ofNullable(unreadable(ecma));
    }

    private static String unreadable(String ecma) {
        try {
            EcmaPatterns.compile(ecma);
            return null;
        } catch (IllegalArgumentException e) {
            return reason(e);
        }
    }

    /** Why the engine refused a pattern, in one line (a syntax error's message goes on with the pattern, a caret). */
    static String reason(IllegalArgumentException refused) {
        return refused.getMessage() == null ? refused.getClass().getSimpleName()
                : refused.getMessage().lines().findFirst().orElse("");
    }
}
