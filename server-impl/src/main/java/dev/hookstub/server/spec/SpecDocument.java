package dev.hookstub.server.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One OpenAPI document, read once at start: from the specs module's jar ({@code classpath:/openapi/<file>}), from
 * a folder of changed copies ({@link SpecSource}), or made by the stub itself (the admin API's, see
 * {@code AdminDocument}).
 */
public final class SpecDocument {

    // Thread-safe once configured; shared because the APIs load their specs side by side at start.
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();

    private final String file;
    private final JsonNode root;
    /** The document as served: its file's bytes, read when first asked for. */
    private final Supplier<byte[]> raw;
    /** Made on first use and shared: the operations, the journal and the fault rules of an API all ask for them. */
    private volatile SpecOperations operations;

    private SpecDocument(String file, JsonNode root, Supplier<byte[]> raw) {
        this.file = file;
        this.root = root;
        this.raw = raw;
    }

    /** The document's operations and the matcher of requests to them. */
    public SpecOperations operations() {
        SpecOperations made = operations;
        if (made == null) {
            synchronized (this) {
                made = operations;
                if (made == null) {
                    made = new SpecOperations(this);
                    operations = made;
                }
            }
        }
        return made;
    }

    /** A spec from the specs module's jar. */
    public static SpecDocument load(String file) {
        String resource = "openapi/" + file;
        // The build's JSON copy of a YAML spec, when there is one (JsonCopies): the same tree, read far faster.
        InputStream copy = SpecDocument.class.getClassLoader().getResourceAsStream(JsonCopies.resource(file));
        try (InputStream in = copy != null ? copy : SpecDocument.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Spec " + resource + " is not on the classpath");
            }
            return new SpecDocument(file, parse(file, in.readAllBytes(), copy != null), () -> rawBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read spec " + resource, e);
        }
    }

    /** A spec from a file's bytes, served as they are. */
    static SpecDocument read(String file, byte[] bytes) {
        try {
            return new SpecDocument(file, parse(file, bytes, false), () -> bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read spec " + file, e);
        }
    }

    /** A document the stub made (a tree, not a file), served as YAML when asked for. */
    public static SpecDocument made(String file, JsonNode root) {
        return new SpecDocument(file, root, () -> {
            try {
                return YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                        .build().writeValueAsBytes(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static JsonNode parse(String file, byte[] bytes, boolean json) throws IOException {
        return (json || file.endsWith(".json") ? JSON : YAML).readTree(bytes);
    }

    public String file() {
        return file;
    }

    /** The bytes of the document as served at {@code /{api}/openapi.<ext>}. */
    public byte[] rawBytes() {
        return raw.get();
    }

    /** A document's bytes in the specs module's jar, unparsed. */
    public static byte[] rawBytes(String file) {
        try (InputStream in = SpecDocument.class.getClassLoader().getResourceAsStream("openapi/" + file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode root() {
        return root;
    }

    /** The path part of the first server URL ("/v1"; "" for a server at the host's root). */
    public String serverBasePath() {
        String url = root.path("servers").path(0).path("url").asText("/");
        String path = URI.create(url).getPath();
        return path == null || path.equals("/") ? "" : path.replaceAll("/$", "");
    }

    public JsonNode at(String pointer) {
        return root.at(pointer);
    }

    /** Follows a local {@code $ref} (one level at a time until none is left). */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 16; hops++) {
            current = root.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    /** The pointer a node resolves to, for nodes that are a local {@code $ref}; else the given pointer. */
    public String resolvePointer(String pointer) {
        String current = pointer;
        for (int hops = 0; root.at(current).has("$ref") && hops < 16; hops++) {
            current = root.at(current).get("$ref").asText().substring(1);
        }
        return current;
    }

    public Iterator<Map.Entry<String, JsonNode>> paths() {
        return root.path("paths").fields();
    }

    /** RFC 6901 escaping of one pointer segment. */
    public static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
