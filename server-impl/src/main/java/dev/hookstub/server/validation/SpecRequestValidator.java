package dev.hookstub.server.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.error.ErrorFormat;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import dev.hookstub.server.json.ObjectMappers;
import dev.hookstub.server.spec.SpecDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The request rules of every operation of one spec, compiled at start from the document itself. */
public final class SpecRequestValidator {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    private static final int MAX_REMEMBERED = 10_000;

    /**
     * Reads request bodies for every validator; thread-safe, and costly enough to build (Jackson 3's first mapper) that
     * one is built, when the first body is read or by {@link #prepare}, not when a validator is made.
     */
    private static final class BodyReader {

        static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(ObjectMappers.MAX_NESTING_DEPTH)
                        .maxStringLength(ObjectMappers.MAX_STRING_LENGTH)
                        .build())
                .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build()).build();

        private BodyReader() {
        }
    }

    /**
     * Initialises what every spec's validator shares (the JSON Schema dialect, the body reader). A start runs it in
     * the background once the first request is answered: reading a parameter that asserts only its type needs
     * neither, so a first read does not wait for them.
     */
    public static void prepare() {
        SchemaValidators.prepare();
        BodyReader.JSON.getTypeFactory();
    }

    /** Each operation's rules, compiled on first use: compiling all of them held up the start by 0.1 s per API. */
    private final Map<String, LazyOperation> operations = new HashMap<>();
    /** The spec's paths without a template, such as {@code /mollie/webhooks}. */
    private final Set<String> concretePaths = new HashSet<>();
    private final Map<String, Boolean> accepted = new java.util.concurrent.ConcurrentHashMap<>();

    public SpecRequestValidator(SpecDocument spec, ErrorFormat format) {
        SchemaValidators schemas = SchemaValidators.of(spec);
        spec.paths().forEachRemaining(path -> {
            String pathPointer = "/paths/" + SpecDocument.escape(path.getKey());
            if (!path.getKey().contains("{")) {
                concretePaths.add(path.getKey());
            }
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    String operationPointer = pathPointer + "/" + method;
                    boolean hasBody = !spec.at(bodyPointer(operationPointer)).isMissingNode();
                    operations.put(key(method, path.getKey()), new LazyOperation(hasBody,
                            () -> compile(spec, schemas, pathPointer, operationPointer, hasBody, format,
                                    // Only an operation with a body reads one: a read needs no body reader.
                                    hasBody ? BodyReader.JSON : null)));
                }
            }
        });
    }

    /**
     * Whether these parameter values pass the operation's rules, for the fast carrier. Answers are remembered per
     * distinct input (bounded), because under load the same few ids are asked for again and again.
     */
    public boolean accepts(String method, String template, Map<String, String> path, Map<String, String> query) {
        String key = method + ' ' + template + ' ' + path + ' ' + query;
        Boolean known = accepted.get(key);
        if (known != null) {
            return known;
        }
        OperationValidator operation = operation(method, template);
        boolean valid = false;
        if (operation != null && !operation.hasBody()) {
            try {
                operation.validateParameters(multi(path), multi(query));
                valid = true;
            } catch (ApiProblem refused) {
                valid = false;
            }
        }
        if (accepted.size() >= MAX_REMEMBERED) {
            accepted.clear();
        }
        accepted.put(key, valid);
        return valid;
    }

    private static MultivaluedMap<String, String> multi(Map<String, String> values) {
        MultivaluedMap<String, String> multi = new MultivaluedHashMap<>();
        values.forEach(multi::add);
        return multi;
    }

    /** Checks a body against the operation's request body schema, exactly as the request filter does. */
    public void validateBody(String method, String template, byte[] body) {
        OperationValidator operation = operation(method, template);
        if (operation != null && operation.hasBody()) {
            operation.validateBody(body);
        }
    }

    /** The journal's wording for a request the spec refuses, on either path: {@code spec: <field>: <detail>}. */
    public static String refusalReason(ApiProblem refused) {
        return dev.hookstub.server.journal.RequestNotes.reason("spec", refused.field(), refused.detail());
    }

    /**
     * Whether the operation has a body to read and check (a JSON schema for it), as both carriers and the rules
     * below decide it; known without compiling the operation's rules.
     */
    public boolean hasBody(String method, String template) {
        LazyOperation operation = operations.get(key(method, template));
        return operation != null && operation.hasBody;
    }

    /** The rules for a method and a matched path template, or null when the spec has no such operation. */
    OperationValidator operation(String method, String template) {
        LazyOperation operation = operations.get(key(method, template));
        return operation == null ? null : operation.get();
    }

    /** One operation's rules, compiled by the first request that needs them; every later one reads the field. */
    private static final class LazyOperation {

        private final boolean hasBody;
        private final java.util.function.Supplier<OperationValidator> compile;
        private volatile OperationValidator compiled;

        LazyOperation(boolean hasBody, java.util.function.Supplier<OperationValidator> compile) {
            this.hasBody = hasBody;
            this.compile = compile;
        }

        OperationValidator get() {
            OperationValidator known = compiled;
            if (known == null) {
                synchronized (this) {
                    known = compiled;
                    if (known == null) {
                        known = compile.get();
                        compiled = known;
                    }
                }
            }
            return known;
        }
    }

    /**
     * The rules for a request: those of the spec's concrete path equal to the request's path when the spec has one
     * with that method (OpenAPI matches {@code /mollie/webhooks} before {@code /{api}/webhooks}, even where the
     * resource serves both with one templated method), else those of the path template the resource matched.
     */
    OperationValidator operation(String method, String requestPath, String matchedTemplate) {
        OperationValidator concrete = concretePaths.contains(requestPath) ? operation(method, requestPath) : null;
        return concrete != null ? concrete : operation(method, matchedTemplate);
    }

    private static OperationValidator compile(SpecDocument spec, SchemaValidators schemas, String pathPointer,
                                              String operationPointer, boolean hasBody, ErrorFormat format,
                                              ObjectMapper json) {
        Map<String, ParameterRule> parameters = new HashMap<>();
        for (String pointer : List.of(pathPointer, operationPointer)) {
            JsonNode declared = spec.at(pointer + "/parameters");
            for (int i = 0; i < declared.size(); i++) {
                String parameterPointer = spec.resolvePointer(pointer + "/parameters/" + i);
                JsonNode parameter = spec.at(parameterPointer);
                String in = parameter.path("in").asText();
                if (!in.equals("path") && !in.equals("query")) {
                    continue;
                }
                JsonNode schema = spec.resolve(parameter.path("schema"));
                parameters.put(in + ":" + parameter.path("name").asText(), new ParameterRule(
                        parameter.path("name").asText(), in, parameter.path("required").asBoolean(false),
                        types(schema), ParameterRule.assertsOnlyType(schema),
                        () -> schemas.at(parameterPointer + "/schema")));
            }
        }
        Schema body = hasBody ? schemas.at(bodyPointer(operationPointer)) : null;
        List<ParameterRule> ordered = new ArrayList<>(parameters.values());
        // Path parameters first: an unknown resource is reported before a bad option on it.
        ordered.sort((a, b) -> a.in().equals(b.in()) ? 0 : a.in().equals("path") ? -1 : 1);
        return new OperationValidator(ordered, body, format, json);
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new LinkedHashSet<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        return types;
    }

    private static String bodyPointer(String operationPointer) {
        return operationPointer + "/requestBody/content/application~1json/schema";
    }

    private static String key(String method, String template) {
        return method.toLowerCase(Locale.ROOT) + " " + template;
    }
}
