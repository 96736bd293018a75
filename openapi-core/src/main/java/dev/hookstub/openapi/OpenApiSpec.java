package dev.hookstub.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * Read-only view of one OpenAPI 3.0 or 3.1 document (from the classpath, a file, a URL or memory): its operations,
 * where in the document each schema lives, and its schemas compiled for validation ({@link #schemas()}).
 *
 * <p>The document is parsed once, and every {@code $ref} is resolved when it is loaded: one that leads nowhere is a
 * load error naming it, not a surprise in the middle of a run. Schemas are handed out as JSON pointers rather than
 * nodes, so that validation finds them by location and keeps their internal {@code $ref}s working.
 */
public final class OpenApiSpec {

    private static final Set<String> HTTP_METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern ABSOLUTE_URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/]*(.*)$");
    private static final Pattern STATUS_RANGE = Pattern.compile("[1-5]XX", Pattern.CASE_INSENSITIVE);
    private static final AtomicInteger DOCUMENTS = new AtomicInteger();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final JsonNode document;
    private final String documentIri;
    private final boolean openApi30;
    private final References references;
    private final List<Operation> operations;
    /** The operations with their compiled templates, in the document's order, for the look-ups every request makes. */
    private final List<Routed> routed;
    /**
     * Each operation's template, by the operation itself: a record's hash covers all its parameters and responses,
     * and a look-up by equality hashed all of them.
     */
    private final Map<Operation, PathTemplate> templates = new java.util.IdentityHashMap<>();
    /** What {@link SchemaTypes#of} found at each pointer: the document does not change, and a request asks again. */
    private final Map<String, List<String>> schemaTypes = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * What each response of each operation declares, by the operation's pointer and the response key: found once,
     * as the document does not change, where an answer judged (the proxy's, {@code check}'s) asked it again each time.
     */
    private final Map<String, Map<String, DeclaredResponse>> responses = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile SchemaCatalog schemas;
    /** The spec this one is another name for ({@link #named}), whose compiled schemas it uses; null for a document. */
    private final OpenApiSpec renamed;

    private OpenApiSpec(String name, String where, JsonNode document) {
        this.name = name;
        this.document = document;
        this.documentIri = "memory:/documents/" + DOCUMENTS.incrementAndGet() + "/" + name + ".json";
        this.openApi30 = document.path("openapi").asText("").startsWith("3.0");
        this.references = References.of(where, document, URI.create(documentIri), !openApi30);
        this.operations = List.copyOf(readOperations());
        this.renamed = null;
        this.routed = operations.stream().map(op -> new Routed(op, PathTemplate.compile(op.pathTemplate()))).toList();
        routed.forEach(r -> templates.put(r.operation(), r.template()));
    }

    private OpenApiSpec(OpenApiSpec original, String name) {
        this.name = name;
        this.document = original.document;
        this.documentIri = original.documentIri;
        this.openApi30 = original.openApi30;
        this.references = original.references;
        this.routed = original.routed.stream()
                .map(r -> new Routed(r.operation().inSpec(name), r.template())).toList();
        this.operations = routed.stream().map(Routed::operation).toList();
        routed.forEach(r -> templates.put(r.operation(), r.template()));
        this.renamed = original.renamed != null ? original.renamed : original;
    }

    /** An operation and its compiled template. */
    private record Routed(Operation operation, PathTemplate template) {
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
            return new OpenApiSpec(name, resource, DocumentText.parse(resource, in.readAllBytes()));
        } catch (IOException e) {
            throw new SpecLoadException("cannot read " + resource + ": " + Problems.describe(e));
        }
    }

    /**
     * An OpenAPI 3.0 or 3.1 document (YAML or JSON) from a file path or an {@code http(s)://} URL, named after its
     * file name without the extension ({@code ./specs/mollie.json} is {@code mollie}).
     */
    public static OpenApiSpec load(String location) {
        boolean remote = location.startsWith("http://") || location.startsWith("https://");
        byte[] content = remote ? fetch(location) : read(location);
        String path = remote ? pathOf(location) : Path.of(location).getFileName().toString();
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        int dot = fileName.lastIndexOf('.');
        String name = dot > 0 ? fileName.substring(0, dot) : fileName.isEmpty() ? "spec" : fileName;
        return new OpenApiSpec(name, location, DocumentText.parse(location, content));
    }

    /** The text of a document given some other way (an upload, a test), named {@code name}. */
    public static OpenApiSpec fromBytes(String name, byte[] content) {
        return new OpenApiSpec(name, name, DocumentText.parse(name, content));
    }

    private static String pathOf(String url) {
        try {
            String path = URI.create(url).getPath();
            return path == null ? "" : path;
        } catch (IllegalArgumentException e) {
            throw new SpecLoadException("cannot read " + url + ": not a valid URL");
        }
    }

    private static byte[] read(String file) {
        Path path;
        try {
            path = Path.of(file);
        } catch (IllegalArgumentException e) {
            throw new SpecLoadException("cannot read " + file + ": not a valid file name");
        }
        if (Files.isDirectory(path)) {
            throw new SpecLoadException("cannot read " + file + ": it is a directory, not a spec file");
        }
        if (!Files.exists(path)) {
            throw new SpecLoadException("cannot read " + file + ": no such file");
        }
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new SpecLoadException("cannot read " + file + ": " + Problems.describe(e));
        }
    }

    private static byte[] fetch(String url) {
        try {
            HttpResponse<byte[]> response = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NORMAL).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).timeout(FETCH_TIMEOUT).GET().build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new SpecLoadException("cannot read " + url + ": the server answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IllegalArgumentException e) {
            throw new SpecLoadException("cannot read " + url + ": not a valid URL");
        } catch (IOException e) {
            throw new SpecLoadException("cannot read " + url + ": " + Problems.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpecLoadException("cannot read " + url + ": interrupted");
        }
    }

    /**
     * A spec named {@code name} read from {@code document}, e.g. a copy of a shipped spec changed on purpose to show
     * that the checks follow the spec. Its schemas are validated from this document.
     */
    public static OpenApiSpec fromDocument(String name, JsonNode document) {
        return new OpenApiSpec(name, name, document.deepCopy());
    }

    /**
     * This spec under another name, as a report names it (a preset's id rather than its file's name): the same
     * parsed document, operations and compiled schemas, nothing read or compiled again.
     */
    public OpenApiSpec named(String newName) {
        return newName.equals(name) ? this : new OpenApiSpec(this, newName);
    }

    /** The whole document as a mutable copy, the starting point for {@link #fromDocument}. */
    public JsonNode document() {
        return document.deepCopy();
    }

    /** The schemas of this document, compiled once per location on first use. */
    public SchemaCatalog schemas() {
        if (renamed != null) {
            return renamed.schemas();
        }
        SchemaCatalog made = schemas;
        if (made == null) {
            synchronized (this) {
                made = schemas;
                if (made == null) {
                    JsonNode forValidator = references.needsDocumentIris()
                            ? references.withDocumentIris(documentIri) : document;
                    made = new SchemaCatalog(this, documentIri, forValidator);
                    schemas = made;
                }
            }
        }
        return made;
    }

    /** True for an OpenAPI 3.0 document, whose schemas are the 3.0 dialect (e.g. {@code nullable}). */
    public boolean openApi30() {
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

    /** The operation with this operationId, or with this label ({@code GET /path}) when it has none. */
    public Operation operation(String operationId) {
        return operationNamed(operationId)
                .orElseThrow(() -> new IllegalArgumentException(name + " has no operation " + operationId));
    }

    /** As {@link #operation}, empty when the spec has no such operation (a name a user typed, say). */
    public Optional<Operation> operationNamed(String operationId) {
        return operations.stream()
                .filter(op -> operationId.equals(op.operationId()) || operationId.equals(op.label()))
                .findFirst();
    }

    /**
     * The operation serving {@code method} on {@code concretePath}, a path relative to {@link #serverBasePath()} (a
     * query string is ignored). Empty when the spec does not declare that path, or declares it without that method.
     */
    public Optional<Operation> findOperation(String method, String concretePath) {
        String path = withoutQueryOrFragment(concretePath);
        return routed.stream()
                .filter(r -> r.operation().httpMethod().equalsIgnoreCase(method))
                .filter(r -> r.template().matches(path))
                .max(Comparator.comparingInt(r -> r.template().specificity()))
                .map(Routed::operation);
    }

    /** The path before any '?' or '#' (a regular expression would be compiled for it on every request). */
    private static String withoutQueryOrFragment(String concretePath) {
        for (int i = 0; i < concretePath.length(); i++) {
            char c = concretePath.charAt(i);
            if (c == '?' || c == '#') {
                return concretePath.substring(0, i);
            }
        }
        return concretePath;
    }

    /** The types the schema at {@code pointer} allows, found once by {@code find}; unmodifiable. */
    List<String> schemaTypes(String pointer, java.util.function.Function<String, List<String>> find) {
        List<String> known = schemaTypes.get(pointer);
        return known != null ? known : schemaTypes.computeIfAbsent(pointer, p -> List.copyOf(find.apply(p)));
    }

    /** The compiled template of one of this spec's operations. */
    public PathTemplate template(Operation op) {
        PathTemplate template = templates.get(op);
        return template != null ? template : PathTemplate.compile(op.pathTemplate());
    }

    /** Whether some path template of the spec matches {@code concretePath}, whatever the method. */
    public boolean declaresPath(String concretePath) {
        return pathTemplateOf(concretePath).isPresent();
    }

    /**
     * The path template, as the spec writes it, that {@code concretePath} is an instance of, whatever the method (a
     * refused {@code DELETE /webhooks/1} is still of {@code /webhooks/{id}}); the most specific one when several
     * match. Empty when none does.
     */
    public Optional<String> pathTemplateOf(String concretePath) {
        String path = withoutQueryOrFragment(concretePath);
        return routed.stream()
                .filter(r -> r.template().matches(path))
                .max(Comparator.comparingInt(r -> r.template().specificity()))
                .map(r -> r.operation().pathTemplate());
    }

    /**
     * The response key of {@code op} that covers {@code status}: the exact code, else its {@code NXX} range, else
     * {@code default}; empty when the status is undeclared.
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
        return declared(op, responseKey).contentTypes();
    }

    /**
     * Pointer to the schema of one response media type, after following a {@code $ref} to
     * {@code #/components/responses/...}; the schema itself may still be a {@code $ref}, which the validator resolves.
     */
    public Optional<String> responseSchemaPointer(Operation op, String responseKey, String contentType) {
        DeclaredResponse response = declared(op, responseKey);
        return response.schemaPointers().computeIfAbsent(contentType, type -> {
            String pointer = JsonPointers.append(response.pointer() + "/content", type) + "/schema";
            return document.at(pointer).isMissingNode() ? Optional.empty() : Optional.of(pointer);
        });
    }

    /** The response object declared for {@code responseKey}, {@code $ref} followed. */
    public String responsePointer(Operation op, String responseKey) {
        return declared(op, responseKey).pointer();
    }

    /**
     * The headers a response declares, by name as written, each to the pointer of its (resolved) header object.
     * {@code Content-Type} is left out: OpenAPI says it is ignored there.
     */
    public Map<String, String> responseHeaders(Operation op, String responseKey) {
        return declared(op, responseKey).headers();
    }

    /** What one response key of an operation declares (any key: one the operation lacks declares nothing). */
    private record DeclaredResponse(String pointer, List<String> contentTypes, Map<String, String> headers,
                                    Map<String, Optional<String>> schemaPointers) {
    }

    private DeclaredResponse declared(Operation op, String responseKey) {
        return responses.computeIfAbsent(op.pointer(), pointer -> new java.util.concurrent.ConcurrentHashMap<>())
                .computeIfAbsent(responseKey, key -> {
                    String pointer = resolve(JsonPointers.append(op.pointer() + "/responses", key));
                    List<String> types = new ArrayList<>();
                    document.at(pointer + "/content").fieldNames().forEachRemaining(types::add);
                    Map<String, String> headers = new LinkedHashMap<>();
                    String at = pointer + "/headers";
                    document.at(at).fieldNames().forEachRemaining(header -> {
                        if (!header.equalsIgnoreCase("content-type")) {
                            headers.put(header, resolve(JsonPointers.append(at, header)));
                        }
                    });
                    return new DeclaredResponse(pointer, List.copyOf(types),
                            java.util.Collections.unmodifiableMap(headers),
                            new java.util.concurrent.ConcurrentHashMap<>());
                });
    }

    /** A copy of the node at {@code pointer}, e.g. to start a test body from a spec example. */
    public JsonNode at(String pointer) {
        return document.at(pointer).deepCopy();
    }

    /**
     * The node at {@code pointer} itself, not a copy: for reading only (generators walk large documents, and a copy
     * per step would cost more than the walk). Missing locations give a missing node.
     */
    public JsonNode node(String pointer) {
        return document.at(pointer);
    }

    /** Follows {@code $ref}s from {@code pointer} until a node that is not a reference; returns its pointer. */
    public String resolve(String pointer) {
        String current = pointer;
        for (int hops = 0; hops < 64; hops++) {
            String target = references.target(current);
            if (target == null) {
                return current;
            }
            current = target;
        }
        throw new SpecLoadException(name + ": $ref chain too long or cyclic at " + pointer);
    }

    /** The {@code components/securitySchemes} entry called {@code name}, if there is one. */
    public Optional<SecurityScheme> securityScheme(String schemeName) {
        JsonNode scheme = securitySchemeNode(schemeName);
        return scheme.isObject() ? Optional.of(SecurityScheme.from(scheme)) : Optional.empty();
    }

    /**
     * The {@code components/securitySchemes} entry called {@code name} as written, its {@code $ref} followed; a
     * missing node when the document declares none of that name.
     */
    public JsonNode securitySchemeNode(String schemeName) {
        return document.at(resolve(JsonPointers.append("/components/securitySchemes", schemeName)));
    }

    private List<Operation> readOperations() {
        List<Operation> result = new ArrayList<>();
        List<SecurityRequirement> rootSecurity = securityOf(document.path("security"));
        document.path("paths").fieldNames().forEachRemaining(path -> {
            String pathPointer = resolve(JsonPointers.append("/paths", path));
            JsonNode pathItem = document.at(pathPointer);
            pathItem.fieldNames().forEachRemaining(method -> {
                if (!HTTP_METHODS.contains(method)) {
                    return;
                }
                String opPointer = JsonPointers.append(pathPointer, method);
                JsonNode op = document.at(opPointer);
                List<String> statuses = new ArrayList<>();
                op.path("responses").fieldNames().forEachRemaining(statuses::add);
                JsonNode operationId = op.get("operationId");
                result.add(new Operation(
                        name,
                        method.toUpperCase(Locale.ROOT),
                        path,
                        operationId != null && operationId.isTextual() ? operationId.asText() : null,
                        statuses,
                        op.has("security") ? securityOf(op.get("security")) : rootSecurity,
                        parametersOf(pathPointer, opPointer),
                        requestBodyOf(opPointer),
                        opPointer));
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
                String in = param.path("in").asText().toLowerCase(Locale.ROOT);
                String style = param.path("style").asText(Parameter.defaultStyle(in));
                Optional<String> contentType = param.path("content").fieldNames().hasNext()
                        ? Optional.of(param.path("content").fieldNames().next()) : Optional.empty();
                Parameter parameter = new Parameter(
                        param.path("name").asText(),
                        in,
                        param.path("required").asBoolean(false) || in.equals("path"),
                        schemaOf(pointer),
                        style,
                        param.path("explode").asBoolean(style.equals("form")),
                        pointer,
                        contentType);
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
        return firstMediaTypeSchema(parameterPointer + "/content");
    }

    private Optional<RequestBody> requestBodyOf(String opPointer) {
        if (document.at(opPointer + "/requestBody").isMissingNode()) {
            return Optional.empty();
        }
        String bodyPointer = resolve(opPointer + "/requestBody");
        String contentPointer = bodyPointer + "/content";
        List<RequestBody.Media> media = new ArrayList<>();
        document.at(contentPointer).fieldNames().forEachRemaining(type -> {
            String mediaPointer = JsonPointers.append(contentPointer, type);
            Optional<String> schema = document.at(mediaPointer + "/schema").isMissingNode()
                    ? Optional.empty() : Optional.of(mediaPointer + "/schema");
            media.add(new RequestBody.Media(type, schema, mediaPointer));
        });
        media.sort(Comparator.comparing(m -> MediaTypes.isJson(m.contentType()) ? 0 : 1));
        return Optional.of(new RequestBody(document.at(bodyPointer).path("required").asBoolean(false), media));
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
