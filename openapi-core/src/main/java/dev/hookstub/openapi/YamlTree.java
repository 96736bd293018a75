package dev.hookstub.openapi;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A YAML document's tree with its aliases followed. Jackson's YAML tree reads an alias ({@code *idparam}) as the
 * string {@code "idparam"}, so a parameter list shared with an anchor was a string in the second operation and its
 * {@code {id}} was never filled in. This reads the same tokens, and puts a copy of the anchored node where an alias
 * names it, and the members of a merge key ({@code <<: *base}) where the mapping does not give them itself. Scalars are
 * typed as Jackson's tree types them, so a document without aliases reads the same either way.
 */
final class YamlTree {

    /** An alias where a value may stand: after a key, a sequence dash, or inside a flow collection. */
    private static final Pattern ALIAS = Pattern.compile("(?:[:\\-\\[,{]\\s*)\\*[^\\s,\\]}]");
    private static final String MERGE = "<<";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final YAMLParser parser;
    private final Map<String, JsonNode> anchored = new HashMap<>();

    private YamlTree(YAMLParser parser) {
        this.parser = parser;
    }

    /** Whether the text may hold an alias: only then is the slower, token-by-token reading needed. */
    static boolean mayHoldAliases(String text) {
        return text.indexOf('*') >= 0 && ALIAS.matcher(text).find();
    }

    static JsonNode read(ObjectMapper yaml, String text) throws IOException {
        try (JsonParser parser = yaml.getFactory().createParser(text)) {
            if (parser.nextToken() == null) {
                return null;
            }
            return new YamlTree((YAMLParser) parser).value();
        }
    }

    private JsonNode value() throws IOException {
        String anchor = parser.getCurrentAnchor();
        boolean alias = parser.isCurrentAlias();
        JsonToken token = parser.currentToken();
        JsonNode node = switch (token) {
            case START_OBJECT -> object();
            case START_ARRAY -> array();
            case VALUE_STRING -> alias ? copyOf(parser.getText()) : NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> parser.getNumberType() == JsonParser.NumberType.BIG_DECIMAL
                    ? NODES.numberNode(parser.getDecimalValue()) : NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            case VALUE_EMBEDDED_OBJECT -> parser.getEmbeddedObject() instanceof byte[] bytes
                    ? NODES.binaryNode(bytes) : NODES.pojoNode(parser.getEmbeddedObject());
            default -> throw new JsonParseException(parser, "unexpected " + token);
        };
        if (anchor != null && !alias) {
            anchored.put(anchor, node);
        }
        return node;
    }

    private JsonNode copyOf(String anchor) throws IOException {
        JsonNode node = anchored.get(anchor);
        if (node == null) {
            throw new JsonParseException(parser, "the alias *" + anchor + " names no anchor before it");
        }
        return node.deepCopy();
    }

    private ObjectNode object() throws IOException {
        ObjectNode object = NODES.objectNode();
        List<JsonNode> merged = new ArrayList<>(0);
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = parser.currentName();
            parser.nextToken();
            JsonNode value = value();
            if (name.equals(MERGE) && (value.isObject() || value.isArray())) {
                merged.add(value);
            } else {
                object.set(name, value);
            }
        }
        // The mapping's own keys win over merged ones, and an earlier mapping of a merged list over a later one.
        for (JsonNode merge : merged) {
            for (JsonNode source : merge.isArray() ? merge : List.of(merge)) {
                source.fields().forEachRemaining(field -> object.putIfAbsent(field.getKey(), field.getValue()));
            }
        }
        return object;
    }

    private ArrayNode array() throws IOException {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            array.add(value());
        }
        return array;
    }
}
