package dev.hookstub.conformance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.openapi.DeclaredErrorFormat;
import dev.hookstub.openapi.MediaTypes;
import dev.hookstub.openapi.JsonPointers;
import dev.hookstub.openapi.OpenApiSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How two answers to the same request differ where it matters to a client standing one in for the other: the status,
 * the media type, the set of properties and the JSON type of each, and whether an error is in the API's error format.
 * Values are compared by shape only: two servers rightly give a new record different ids, timestamps and secrets.
 */
final class AnswerShapes {

    /** Differences listed per pair of answers; a body can differ in hundreds of places at once. */
    private static final int MOST = 10;

    private final OpenApiSpec spec;

    AnswerShapes(OpenApiSpec spec) {
        this.spec = spec;
    }

    List<Difference> compare(Exchange primary, Exchange other) {
        String operation = primary.requestCase().operation().label();
        String request = primary.requestCase().description();
        List<Difference> found = new ArrayList<>();
        if (primary.answered() != other.answered()) {
            found.add(new Difference(operation, request, "answer", "", primary.response().summary(),
                    other.response().summary()));
            return found;
        }
        if (!primary.answered()) {
            return found;
        }
        if (primary.status() != other.status()) {
            found.add(new Difference(operation, request, "status", "", Integer.toString(primary.status()),
                    Integer.toString(other.status())));
        }
        String primaryType = essence(primary.response().contentType());
        String otherType = essence(other.response().contentType());
        if (!primaryType.equals(otherType)) {
            found.add(new Difference(operation, request, "content type", "", primaryType, otherType));
        }
        if (primary.status() >= 400 && other.status() >= 400) {
            boolean primaryFormat = inErrorFormat(primary);
            boolean otherFormat = inErrorFormat(other);
            if (primaryFormat != otherFormat) {
                found.add(new Difference(operation, request, "error format", "",
                        primaryFormat ? "the API's error format" : "not the API's error format",
                        otherFormat ? "the API's error format" : "not the API's error format"));
            }
        }
        if (MediaTypes.isJson(primaryType) && MediaTypes.isJson(otherType)) {
            Map<String, Set<String>> primaryShape = shape(ReadBacks.parse(primary.response().body()));
            Map<String, Set<String>> otherShape = shape(ReadBacks.parse(other.response().body()));
            Set<String> pointers = new TreeSet<>(primaryShape.keySet());
            pointers.addAll(otherShape.keySet());
            for (String pointer : pointers) {
                if (found.size() >= MOST) {
                    break;
                }
                Set<String> here = primaryShape.get(pointer);
                Set<String> there = otherShape.get(pointer);
                if (here == null || there == null) {
                    found.add(new Difference(operation, request, "property", pointer, here == null ? "absent" : "present",
                            there == null ? "absent" : "present"));
                } else if (!here.equals(there)) {
                    found.add(new Difference(operation, request, "type", pointer, String.join("|", here),
                            String.join("|", there)));
                }
            }
        }
        return found;
    }

    private boolean inErrorFormat(Exchange exchange) {
        return DeclaredErrorFormat.violations(spec, exchange.requestCase().operation(), exchange.status(),
                exchange.response().contentType(), exchange.response().body()).isEmpty();
    }

    private static String essence(String contentType) {
        return contentType == null ? "none" : MediaTypes.essence(contentType);
    }

    /** Each pointer of the body (array items as {@code *}) with the JSON types found there. */
    static Map<String, Set<String>> shape(JsonNode body) {
        Map<String, Set<String>> shape = new TreeMap<>();
        if (!body.isMissingNode()) {
            walk(body, "", shape, 0);
        }
        return shape;
    }

    private static void walk(JsonNode node, String pointer, Map<String, Set<String>> shape, int depth) {
        shape.computeIfAbsent(pointer.isEmpty() ? "/" : pointer, p -> new TreeSet<>()).add(type(node));
        if (depth > 12) {
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(member -> walk(member.getValue(),
                    pointer + "/" + JsonPointers.escape(member.getKey()), shape, depth + 1));
        } else if (node.isArray()) {
            node.forEach(item -> walk(item, pointer + "/*", shape, depth + 1));
        }
    }

    /** JSON's own types: 12 and 12.5 are both numbers, as a client reads them. */
    private static String type(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            default -> "other";
        };
    }
}
