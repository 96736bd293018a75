package dev.hookstub.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parameter values on the wire, as OpenAPI's {@code style} and {@code explode} define them (RFC 6570 underneath):
 * {@code simple}, {@code label} and {@code matrix} in a path; {@code form}, {@code spaceDelimited},
 * {@code pipeDelimited} and {@code deepObject} in a query; {@code simple} in a header; {@code form} in a cookie. A
 * parameter described by {@code content} is its value's JSON text. Values come out percent-encoded where they go into
 * a URL (every reserved character of a value encoded, the style's own delimiters not); header values are as written.
 */
public final class ParameterCodec {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /**
     * Bounded, because a value read here may come from anyone (a server reads its requests with this): a number of
     * a million digits takes seconds to parse, and an exponent beyond an int's range does not parse at all. A longer
     * value stays text, which the schema then refuses as a wrong type.
     */
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,400}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,400}(\\.\\d{1,400})?([eE][-+]?\\d{1,4})?");

    private ParameterCodec() {
    }

    /** What replaces {@code {name}} in the path: {@code 5}, {@code .5}, {@code ;id=5}, or a list as the style says. */
    public static String pathValue(Parameter parameter, JsonNode value) {
        if (parameter.contentType().isPresent()) {
            return encode(value.toString());
        }
        String name = parameter.name();
        return switch (parameter.style()) {
            case "label" -> "." + joined(value, parameter.explode() ? "." : ",", parameter.explode(), true);
            case "matrix" -> matrix(name, value, parameter.explode());
            default -> joined(value, ",", parameter.explode(), true);
        };
    }

    /** The query's {@code name=value} pairs for the parameter, encoded; several for an exploded array or object. */
    public static List<String> queryPairs(Parameter parameter, JsonNode value) {
        String name = encode(parameter.name());
        if (parameter.contentType().isPresent()) {
            return List.of(name + "=" + encode(value.toString()));
        }
        List<String> pairs = new ArrayList<>();
        switch (parameter.style()) {
            case "deepObject" -> value.fields().forEachRemaining(member ->
                    pairs.add(name + "%5B" + encode(member.getKey()) + "%5D=" + encode(text(member.getValue()))));
            case "spaceDelimited" -> pairs.add(name + "=" + joined(value, "%20", false, true));
            case "pipeDelimited" -> pairs.add(name + "=" + joined(value, "%7C", false, true));
            default -> {
                if (parameter.explode() && value.isArray()) {
                    value.forEach(item -> pairs.add(name + "=" + encode(text(item))));
                } else if (parameter.explode() && value.isObject()) {
                    value.fields().forEachRemaining(member ->
                            pairs.add(encode(member.getKey()) + "=" + encode(text(member.getValue()))));
                } else {
                    pairs.add(name + "=" + joined(value, ",", false, true));
                }
            }
        }
        return pairs;
    }

    /** A header's value: {@code simple} style, nothing encoded. */
    public static String headerValue(Parameter parameter, JsonNode value) {
        if (parameter.contentType().isPresent()) {
            return value.toString();
        }
        return joined(value, ",", parameter.explode(), false);
    }

    /** A cookie's {@code name=value}, {@code form} style. */
    public static String cookiePair(Parameter parameter, JsonNode value) {
        if (parameter.contentType().isPresent()) {
            return parameter.name() + "=" + encode(value.toString());
        }
        return parameter.name() + "=" + joined(value, ",", false, true);
    }

    /**
     * How a server reads one wire value whose schema allows {@code types}: a parameter is text until parsed, so
     * {@code "5"} is the integer 5 where the schema wants an integer, and stays text otherwise.
     */
    public static JsonNode typed(String wire, List<String> types) {
        if (types.contains("integer") && INTEGER.matcher(wire).matches()) {
            return NODES.numberNode(new BigInteger(wire));
        }
        if (types.contains("number") && NUMBER.matcher(wire).matches()) {
            return NODES.numberNode(new BigDecimal(wire));
        }
        if (types.contains("boolean") && (wire.equals("true") || wire.equals("false"))) {
            return NODES.booleanNode(Boolean.parseBoolean(wire));
        }
        if (types.contains("null") && wire.isEmpty()) {
            return NODES.nullNode();
        }
        return TextNode.valueOf(wire);
    }

    private static String matrix(String name, JsonNode value, boolean explode) {
        String key = ";" + encode(name);
        if (value.isArray() && explode) {
            StringBuilder text = new StringBuilder();
            value.forEach(item -> text.append(key).append('=').append(encode(text(item))));
            return text.toString();
        }
        if (value.isObject() && explode) {
            StringBuilder text = new StringBuilder();
            value.fields().forEachRemaining(member -> text.append(';').append(encode(member.getKey())).append('=')
                    .append(encode(text(member.getValue()))));
            return text.toString();
        }
        String joined = joined(value, ",", false, true);
        return value.isTextual() && joined.isEmpty() ? key : key + "=" + joined;
    }

    /** A primitive as itself, an array as its items, an object as {@code k,v,k,v} (or {@code k=v,k=v} exploded). */
    private static String joined(JsonNode value, String delimiter, boolean explode, boolean encoded) {
        List<String> parts = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(item -> parts.add(maybeEncoded(text(item), encoded)));
        } else if (value.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> members = value.fields();
            while (members.hasNext()) {
                Map.Entry<String, JsonNode> member = members.next();
                String key = maybeEncoded(member.getKey(), encoded);
                String item = maybeEncoded(text(member.getValue()), encoded);
                if (explode) {
                    parts.add(key + "=" + item);
                } else {
                    parts.add(key);
                    parts.add(item);
                }
            }
        } else {
            return maybeEncoded(text(value), encoded);
        }
        return String.join(delimiter, parts);
    }

    private static String maybeEncoded(String text, boolean encoded) {
        return encoded ? encode(text) : text;
    }

    /** A scalar's text: a string as itself, a number or boolean as JSON writes it, null as empty. */
    public static String text(JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isNull() || value.isMissingNode()) {
            return "";
        }
        return value.toString();
    }

    /** RFC 3986 percent-encoding of everything but the unreserved characters. */
    public static String encode(String text) {
        StringBuilder encoded = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
