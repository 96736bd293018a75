package dev.hookstub.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read-only view of one OpenAPI 3.0 or 3.1 document (from the classpath, a file, a URL or memory): its operations, and where in the
 * document the schema of each response lives. Schemas are handed out as JSON pointers rather than
 * nodes so that validation can load them by location and keep internal {@code $ref}s working.
 */
public final class OpenApiSpec {

    private static final Set<String> HTTP_METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern ABSOLUTE_URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/]*(.*)$");
    private static final Pattern STATUS_RANGE = Pattern.compile("[1-5]XX", Pattern.CASE_INSENSITIVE);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final AtomicInteger IN_MEMORY_DOCUMENTS = new AtomicInteger();

    private final String name;
    private final JsonNode document;
    private final String documentIri;
    private final boolean openApi30;
    private final List<Operation> operations;
    private final Map<Operation, PathTemplate> templates = new LinkedHashMap<>();

    private OpenApiSpec(String name, JsonNode document, String documentIri) {
        this.name = name;
        this.document = document;
        this.documentIri = documentIri;
        this.openApi30 = document.path("openapi").asText("").startsWith("3.0");
        this.operations = List.copyOf(readOperations());
        operations.forEach(op -> templates.put(op, PathTemplate.compile(op.pathTemplate())));
    }

    /** A spec packaged on the classpath (e.g. {@code openapi/mollie.json} from the specs jar), named {@code name}. */
    public static OpenApiSpec fromClasspath(String name, String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = OpenApiSpec.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new SpecLoadException("spec not on classpath: " + resource);
            }
            return new OpenApiSpec(name, checked(resource, parse(resource, in.readAllBytes())), "classpath:" + resource);
        } catch (IOException e) {
            throw new SpecLoadException("cannot read " + resource + ": " + e.getMessage());
        }
    }

    /**
     * An OpenAPI 3.0 or 3.1 document (YAML or JSON) from a file path or an {@code http(s)://} URL, named after its
     * file name without the extension ({@code ./specs/mollie.json} is {@code mollie}).
     */
    public static OpenApiSpec load(String location) {
        byte[] content;
        String fileName;
        try {
            if (location.startsWith("http://") || location.startsWith("https://")) {
                URI uri = URI.create(location);
                HttpResponse<byte[]> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                        .followRedirects(HttpClient.Redirect.NORMAL).build()
                        .send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new SpecLoadException("cannot fetch " + location + ": HTTP " + response.statusCode());
                }
                content = response.body();
                String path = uri.getPath() == null ? "" : uri.getPath();
                fileName = path.substring(path.lastIndexOf('/') + 1);
            } else {
                Path file = Path.of(location);
                if (!Files.isRegularFile(file)) {
                    throw new SpecLoadException("no such spec file: " + location);
                }
                content = Files.readAllBytes(file);
                fileName = file.getFileName().toString();
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new SpecLoadException("cannot read " + location + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpecLoadException("interrupted while fetching " + location);
        }
        int dot = fileName.lastIndexOf('.');
        String name = dot > 0 ? fileName.substring(0, dot) : fileName.isEmpty() ? "spec" : fileName;
        return fromDocument(name, checked(location, parse(location, content)));
    }

    private static JsonNode parse(String location, byte[] content) {
        try {
            String text = new String(content, StandardCharsets.UTF_8).stripLeading();
            JsonNode tree = (text.startsWith("{") ? JSON : YAML).readTree(content);
            if (tree == null || !tree.isObject()) {
                throw new SpecLoadException(location + " is not an OpenAPI document (no top-level object)");
            }
            return tree;
        } catch (IOException e) {
            throw new SpecLoadException(location + " is neither JSON nor YAML: " + e.getMessage().lines().findFirst()
                    .orElse(""));
        }
    }

    private static JsonNode checked(String location, JsonNode document) {
        String version = document.path("openapi").asText("");
        if (!version.startsWith("3.0") && !version.startsWith("3.1")) {
            throw new SpecLoadException(location + " is not an OpenAPI 3.0 or 3.1 document (openapi: '"
                    + version + "')");
        }
        return document;
    }

    /**
     * A spec named {@code name} read from {@code document}, e.g. a copy of a shipped spec changed on purpose to show
     * that the checks follow the spec. Its schemas are validated from this document.
     */
    public static OpenApiSpec fromDocument(String name, JsonNode document) {
        JsonNode copy = document.deepCopy();
        String iri = "memory:/specs/" + IN_MEMORY_DOCUMENTS.incrementAndGet() + "/" + name + ".json";
        try {
            CompiledSchemas.register(iri, JSON.writeValueAsString(copy));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise the document for " + name, e);
        }
        return new OpenApiSpec(name, copy, iri);
    }

    /** The whole document as a mutable copy, the starting point for {@link #fromDocument}. */
    public JsonNode document() {
        return document.deepCopy();
    }

    /** Where the schema validator loads this document from; schema locations are this plus {@code #pointer}. */
    String documentIri() {
        return documentIri;
    }

    /** True for an OpenAPI 3.0 document, whose schemas are the 3.0 dialect (e.g. {@code nullable}). */
    boolean openApi30() {
        return openApi30;
    }

    /** The name reports use: the preset's or the file's. */
    public String name() {
        return name;
    }

    /** {@code info.title}, for reports. */
    public String title() {
        return document.path("info").path("title").asText(name);
    }

    /** Path part of the first {@code servers[].url}, without trailing slash: "/v1", or "". */
    public String serverBasePath() {
        String url = document.path("servers").path(0).path("url").asText("");
        Matcher absolute = ABSOLUTE_URL.matcher(url);
        String path = absolute.matches() ? absolute.group(1) : url;
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    public List<Operation> operations() {
        return operations;
    }

    public Operation operation(String operationId) {
        return operations.stream()
                .filter(op -> op.operationId().equals(operationId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no operation " + operationId));
    }

    /**
     * The operation serving {@code method} on {@code concretePath}, a path relative to
     * {@link #serverBasePath()} (a query string is ignored). Empty when the spec does not declare
     * that path, or declares it without that method.
     */
    public Optional<Operation> findOperation(String method, String concretePath) {
        String path = concretePath.split("[?#]", 2)[0];
        return operations.stream()
                .filter(op -> op.httpMethod().equalsIgnoreCase(method))
                .filter(op -> templates.get(op).matches(path))
                .max(Comparator.comparingInt(op -> templates.get(op).specificity()));
    }

    /**
     * The response key of {@code op} that covers {@code status}: the exact code, else its
     * {@code NXX} range, else {@code default}; empty when the status is undeclared.
     */
    public Optional<String> responseKeyFor(Operation op, int status) {
        return matchingResponseKey(op.responseStatuses(), status);
    }

    static Optional<String> matchingResponseKey(List<String> declaredKeys, int status) {
        String exact = Integer.toString(status);
        if (declaredKeys.contains(exact)) {
            return Optional.of(exact);
        }
        Optional<String> range = declaredKeys.stream()
                .filter(key -> STATUS_RANGE.matcher(key).matches() && key.charAt(0) == exact.charAt(0))
                .findFirst();
        return range.isPresent() ? range : declaredKeys.stream().filter("default"::equals).findFirst();
    }

    /** Media types declared for a response key, in spec order, as written (may carry parameters). */
    public List<String> contentTypes(Operation op, String responseKey) {
        List<String> types = new ArrayList<>();
        document.at(responsePointer(op, responseKey) + "/content").fieldNames().forEachRemaining(types::add);
        return types;
    }

    /**
     * Pointer to the schema of one response media type, after following a {@code $ref} to
     * {@code #/components/responses/...}; the schema itself may still be a {@code $ref}, which
     * the validator resolves.
     */
    public Optional<String> responseSchemaPointer(Operation op, String responseKey, String contentType) {
        String pointer = JsonPointers.append(responsePointer(op, responseKey) + "/content", contentType) + "/schema";
        return document.at(pointer).isMissingNode() ? Optional.empty() : Optional.of(pointer);
    }

    /** A copy of the node at {@code pointer}, e.g. to start a test body from a spec example. */
    public JsonNode at(String pointer) {
        return document.at(pointer).deepCopy();
    }

    private String responsePointer(Operation op, String responseKey) {
        return resolve(JsonPointers.append(op.pointer() + "/responses", responseKey));
    }

    /** Follows local {@code $ref}s from {@code pointer} until a node that is not a reference; returns its pointer. */
    public String resolve(String pointer) {
        String current = pointer;
        for (int hops = 0; hops < 32; hops++) {
            JsonNode ref = document.at(current).get("$ref");
            if (ref == null) {
                return current;
            }
            String target = ref.asText();
            if (!target.startsWith("#")) {
                throw new IllegalStateException(name + ": only local $refs are supported, got " + target);
            }
            // A fragment is URI-encoded on top of pointer escaping; keep '+' literal.
            current = URLDecoder.decode(target.substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        throw new IllegalStateException(name + ": $ref chain too long or cyclic at " + pointer);
    }

    private List<Operation> readOperations() {
        List<Operation> result = new ArrayList<>();
        List<SecurityRequirement> rootSecurity = securityOf(document.path("security"));
        document.path("paths").fields().forEachRemaining(path -> {
            String pathPointer = resolve(JsonPointers.append("/paths", path.getKey()));
            JsonNode pathItem = document.at(pathPointer);
            pathItem.fields().forEachRemaining(entry -> {
                if (!HTTP_METHODS.contains(entry.getKey())) {
                    return;
                }
                String opPointer = JsonPointers.append(pathPointer, entry.getKey());
                JsonNode op = entry.getValue();
                List<String> statuses = new ArrayList<>();
                op.path("responses").fieldNames().forEachRemaining(statuses::add);
                result.add(new Operation(
                        name,
                        entry.getKey().toUpperCase(Locale.ROOT),
                        path.getKey(),
                        op.path("operationId").asText(null),
                        statuses,
                        op.has("security") ? securityOf(op.get("security")) : rootSecurity,
                        parametersOf(pathPointer, opPointer),
                        requestBodySchemaPointer(opPointer)));
            });
        });
        return result;
    }

    private static List<SecurityRequirement> securityOf(JsonNode securityArray) {
        List<SecurityRequirement> requirements = new ArrayList<>();
        securityArray.forEach(entry -> {
            Map<String, List<String>> schemes = new LinkedHashMap<>();
            entry.fields().forEachRemaining(scheme -> {
                List<String> scopes = new ArrayList<>();
                scheme.getValue().forEach(scope -> scopes.add(scope.asText()));
                schemes.put(scheme.getKey(), scopes);
            });
            requirements.add(new SecurityRequirement(schemes));
        });
        return requirements;
    }

    private List<Parameter> parametersOf(String pathPointer, String opPointer) {
        // Keyed by (in, name): an operation-level parameter replaces the path-level one.
        Map<String, Parameter> merged = new LinkedHashMap<>();
        for (String owner : List.of(pathPointer, opPointer)) {
            JsonNode list = document.at(owner + "/parameters");
            for (int i = 0; i < list.size(); i++) {
                String pointer = resolve(owner + "/parameters/" + i);
                JsonNode param = document.at(pointer);
                Parameter parameter = new Parameter(
                        param.path("name").asText(),
                        param.path("in").asText(),
                        param.path("required").asBoolean(false),
                        schemaOf(pointer));
                merged.put(parameter.in() + ":" + parameter.name(), parameter);
            }
        }
        return new ArrayList<>(merged.values());
    }

    private Optional<String> schemaOf(String parameterPointer) {
        JsonNode param = document.at(parameterPointer);
        if (param.has("schema")) {
            return Optional.of(parameterPointer + "/schema");
        }
        return param.path("content").fieldNames().hasNext()
                ? firstMediaTypeSchema(parameterPointer + "/content")
                : Optional.empty();
    }

    private Optional<String> requestBodySchemaPointer(String opPointer) {
        if (document.at(opPointer + "/requestBody").isMissingNode()) {
            return Optional.empty();
        }
        return firstMediaTypeSchema(resolve(opPointer + "/requestBody") + "/content");
    }

    /** JSON media types are preferred: they are the ones a schema can check. */
    private Optional<String> firstMediaTypeSchema(String contentPointer) {
        List<String> types = new ArrayList<>();
        document.at(contentPointer).fieldNames().forEachRemaining(types::add);
        return types.stream()
                .sorted(Comparator.comparing(type -> MediaTypes.isJson(type) ? 0 : 1))
                .map(type -> JsonPointers.append(contentPointer, type) + "/schema")
                .filter(pointer -> !document.at(pointer).isMissingNode())
                .findFirst();
    }
}
