package dev.hookstub.server.validation;

import com.networknt.schema.Schema;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.Operation;
import dev.hookstub.openapi.Parameter;
import dev.hookstub.openapi.RequestBody;
import dev.hookstub.openapi.SchemaCatalog;
import dev.hookstub.openapi.SchemaTypes;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.error.ErrorFormat;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import dev.hookstub.server.json.ObjectMappers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The request rules of every operation of one spec, as the stub applies them: its operations, parameters and
 * schemas as openapi-core reads them, each refusal in the API's own error format.
 */
public final class SpecRequestValidator {

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
        SchemaCatalog.prepare();
        BodyReader.JSON.getTypeFactory();
    }

    /** Each operation's rules, compiled on first use: compiling all of them held up the start by 0.1 s per API. */
    private final Map<String, LazyOperation> operations = new HashMap<>();
    /** The spec's paths without a template, such as {@code /mollie/webhooks}. */
    private final Set<String> concretePaths = new HashSet<>();
    private final Map<String, Boolean> accepted = new java.util.concurrent.ConcurrentHashMap<>();

    public SpecRequestValidator(OpenApiSpec spec, ErrorFormat format) {
        for (Operation operation : spec.operations()) {
            String template = operation.pathTemplate();
            if (!template.contains("{")) {
                concretePaths.add(template);
            }
            Optional<String> body = jsonBodySchema(operation);
            operations.put(key(operation.httpMethod(), template), new LazyOperation(body.isPresent(),
                    // Only an operation with a body reads one: a read needs no body reader.
                    () -> compile(spec, operation, body, format, body.isPresent() ? BodyReader.JSON : null)));
        }
    }

    /**
     * Whether these parameter values pass the operation's rules, for the fast path. Answers are remembered per
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
     * Whether the operation has a body to read and check (a JSON schema for it), as Jersey and the fast path and the rules
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

    private static OperationValidator compile(OpenApiSpec spec, Operation operation, Optional<String> bodySchema,
                                              ErrorFormat format, ObjectMapper json) {
        List<ParameterRule> parameters = new ArrayList<>();
        for (Parameter parameter : operation.parameters()) {
            if (!parameter.inPath() && !parameter.inQuery() || parameter.schemaPointer().isEmpty()) {
                continue;
            }
            String pointer = parameter.schemaPointer().get();
            com.fasterxml.jackson.databind.JsonNode schema = spec.node(spec.resolve(pointer));
            parameters.add(new ParameterRule(parameter.name(), parameter.in(), parameter.required(),
                    SchemaTypes.declared(schema), ParameterRule.assertsOnlyType(schema), spec::schemas, pointer));
        }
        // The spec's schemas only for a body: making them initialises the JSON Schema library, which a start's first
        // read must not wait for (a bound spec.schemas()::at would make them for every operation).
        Schema body = bodySchema.map(pointer -> spec.schemas().at(pointer)).orElse(null);
        // Path parameters first: an unknown resource is reported before a bad option on it.
        parameters.sort((a, b) -> a.in().equals(b.in()) ? 0 : a.in().equals("path") ? -1 : 1);
        return new OperationValidator(parameters, body, format, json);
    }

    /** The schema of the operation's {@code application/json} body, the one body the stub reads and checks. */
    private static Optional<String> jsonBodySchema(Operation operation) {
        return operation.requestBody().stream().flatMap(body -> body.media().stream())
                .filter(media -> media.contentType().equals("application/json"))
                .findFirst().flatMap(RequestBody.Media::schemaPointer);
    }

    private static String key(String method, String template) {
        return method.toLowerCase(Locale.ROOT) + " " + template;
    }
}
