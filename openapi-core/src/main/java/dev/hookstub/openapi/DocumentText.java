package dev.hookstub.openapi;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The bytes of a document as a JSON tree, or one line saying why not: not UTF-8 (and where), broken JSON or YAML (the
 * line and column), not an object, not OpenAPI 3.0 or 3.1 (Swagger 2.0 named as such).
 */
final class DocumentText {

    /** Large real documents (GitHub's is 13 MB) exceed the parsers' defaults, which guard against hostile input. */
    private static final int MAX_DOCUMENT_CHARS = 256 * 1024 * 1024;
    private static final StreamReadConstraints LARGE = StreamReadConstraints.builder()
            .maxStringLength(MAX_DOCUMENT_CHARS).maxNestingDepth(2_000).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setStreamReadConstraints(LARGE);
    }

    /**
     * Made when the first YAML document is read: the stub reads the JSON copies its build makes of its YAML specs,
     * and loading the YAML parser would cost its start-up some tens of milliseconds for nothing.
     */
    private static final class Yaml {

        static final ObjectMapper MAPPER;

        static {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(MAX_DOCUMENT_CHARS);
            options.setNestingDepthLimit(2_000);
            MAPPER = new YAMLMapper(YAMLFactory.builder().loaderOptions(options).streamReadConstraints(LARGE).build());
        }

        private Yaml() {
        }
    }

    private DocumentText() {
    }

    /** The parsed document; {@code where} names it in every message. */
    static JsonNode parse(String where, byte[] content) {
        String text = utf8(where, content);
        if (text.isBlank()) {
            throw new SpecLoadException(where + " is empty");
        }
        String start = text.stripLeading();
        boolean json = start.startsWith("{") || start.startsWith("[");
        JsonNode tree;
        try {
            tree = json ? JSON.readTree(text) : YamlTree.mayHoldAliases(text) ? YamlTree.read(Yaml.MAPPER, text)
                    : Yaml.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SpecLoadException(where + " is not valid " + (json ? "JSON" : "YAML") + at(e.getLocation())
                    + ": " + e.getOriginalMessage().lines().findFirst().orElse("").trim());
        } catch (IOException e) {
            throw new SpecLoadException("cannot read " + where + ": " + Problems.describe(e));
        }
        if (tree == null || !tree.isObject()) {
            throw new SpecLoadException(where + " is not an OpenAPI document: its top level is not an object");
        }
        return checkedVersion(where, tree);
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + (location.getColumnNr() > 0 ? ", column " + location.getColumnNr() : "");
    }

    private static String utf8(String where, byte[] content) {
        int offset = content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(content, offset, content.length - offset);
        try {
            return decoder.decode(bytes).toString();
        } catch (MalformedInputException e) {
            int at = bytes.position();
            return failUtf8(where, content, at);
        } catch (CharacterCodingException e) {
            throw new SpecLoadException(where + " is not UTF-8 text");
        }
    }

    private static String failUtf8(String where, byte[] content, int at) {
        int line = 1;
        for (int i = 0; i < at && i < content.length; i++) {
            if (content[i] == '\n') {
                line++;
            }
        }
        String value = at < content.length ? String.format(" (byte 0x%02X)", content[at] & 0xff) : "";
        throw new SpecLoadException(where + " is not UTF-8 text: invalid byte at offset " + at + value + ", line " + line
                + "; OpenAPI documents are UTF-8");
    }

    private static JsonNode checkedVersion(String where, JsonNode document) {
        if (document.has("swagger")) {
            throw new SpecLoadException(where + " is a Swagger " + document.path("swagger").asText("2.0")
                    + " document; hookstub reads OpenAPI 3.0 and 3.1. Convert it first, for example with"
                    + " `npx swagger2openapi " + where + " -o openapi.yaml`");
        }
        JsonNode openapi = document.get("openapi");
        if (openapi == null) {
            throw new SpecLoadException(where + " is not an OpenAPI document: it has no 'openapi' version field");
        }
        String version = openapi.asText("");
        if (!version.startsWith("3.0") && !version.startsWith("3.1")) {
            throw new SpecLoadException(where + " is OpenAPI '" + version + "'; hookstub reads OpenAPI 3.0 and 3.1");
        }
        return document;
    }
}
