package dev.hookstub.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import dev.hookstub.openapi.SchemaCatalog.Direction;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checks one HTTP request, as it travels, against what its operation declares: every parameter read back from the
 * wire by its {@code style} and {@code explode} and held to its schema, required parameters present, and the body's
 * media type and schema (JSON, forms and text; other media types are checked for their type only). Credentials are
 * not judged here: whether one is valid is the server's to say, and whether one is there at all
 * {@link CredentialPresence}'s.
 * <p>
 * A violation of a parameter points at it as {@code /<in>/<name>} ({@code /query/testmode}); one of the body at the
 * member of the body it is about.
 */
public final class RequestValidator {

    /** The request is one of the spec's operations: its path and method are documented. */
    public static final String OPERATION = "request_operation_conformance";
    public static final String PARAMETERS = "request_parameter_conformance";
    public static final String BODY = "request_body_conformance";
    private static final String NO_MEDIA_TYPE = "a body without a Content-Type";
    private static final String UNDECLARED_MEDIA_TYPE = " is not declared for this request body; declared: ";

    /** Whether a violation is of the body's media type (none, or one not declared), which a server answers 415. */
    public static boolean ofTheMediaType(Violation violation) {
        return violation.check().equals(BODY) && (violation.reason().equals(NO_MEDIA_TYPE)
                || violation.reason().contains(UNDECLARED_MEDIA_TYPE));
    }

    private static final ObjectMapper JSON = JsonBodies.READER;

    private final OpenApiSpec spec;

    public RequestValidator(OpenApiSpec spec) {
        this.spec = spec;
    }

    /** A request as it travels: the path below the spec's server URL, the raw query (no '?'), headers, body. */
    public record WireRequest(String path, String rawQuery, Map<String, List<String>> headers, String body) {
    }

    /** Every way the request breaks its operation's contract; empty when it keeps to it. */
    public List<Violation> validate(Operation operation, WireRequest request) {
        List<Violation> violations = new ArrayList<>();
        Map<String, List<String>> headers = byAnyCase(request.headers());
        Map<String, String> pathValues = spec.template(operation).values(request.path()).orElse(Map.of());
        Map<String, List<String>> query = query(request.rawQuery());
        Map<String, String> cookies = cookies(headers.getOrDefault("cookie", List.of()));
        for (Parameter parameter : operation.parameters()) {
            Optional<JsonNode> value = switch (parameter.in()) {
                case "path" -> Optional.ofNullable(pathValues.get(parameter.name()))
                        .map(raw -> fromPath(parameter, decode(raw)));
                case "query" -> fromQuery(parameter, query);
                case "header" -> ignoredHeader(parameter) ? Optional.empty()
                        : Optional.ofNullable(headers.get(parameter.name())).filter(v -> !v.isEmpty())
                                .map(values -> delimited(parameter, String.join(",", values), ","));
                case "cookie" -> Optional.ofNullable(cookies.get(parameter.name()))
                        .map(raw -> delimited(parameter, raw, ","));
                default -> Optional.empty();
            };
            if (value.isEmpty()) {
                if (parameter.required() && !(parameter.inHeader() && ignoredHeader(parameter))) {
                    violations.add(new Violation(PARAMETERS, pointer(parameter), "required " + parameter.in()
                            + " parameter " + parameter.name() + " is missing"));
                }
                continue;
            }
            if (parameter.schemaPointer().isPresent()) {
                for (Error error : spec.schemas().validate(parameter.schemaPointer().get(), value.get(),
                        Direction.REQUEST)) {
                    violations.add(new Violation(PARAMETERS, pointer(parameter), parameter.in() + " parameter "
                            + parameter.name() + " " + describe(value.get()) + ": " + error.getMessage()));
                }
            }
        }
        body(operation, headers, request.body(), violations);
        return violations;
    }

    /**
     * A request the spec does not document, as a violation: a method its path does not take, or a path that is
     * none of the spec's. {@code path} is below the spec's server URL.
     */
    public Violation undocumented(String method, String path) {
        List<String> methods = spec.operations().stream().filter(op -> spec.template(op).matches(path))
                .map(Operation::httpMethod).distinct().toList();
        return new Violation(OPERATION, "", methods.isEmpty()
                ? method + " " + path + " is none of the spec's paths"
                : method + " is not documented for " + path + "; the spec documents " + String.join(", ", methods));
    }

    /** The headers, looked up in any case: as they are when the caller already keeps them so (the proxy does). */
    private static Map<String, List<String>> byAnyCase(Map<String, List<String>> headers) {
        if (headers instanceof TreeMap<String, List<String>> sorted
                && sorted.comparator() == String.CASE_INSENSITIVE_ORDER) {
            return sorted;
        }
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        return copy;
    }

    private static String pointer(Parameter parameter) {
        return "/" + parameter.in() + "/" + parameter.name().replace("~", "~0").replace("/", "~1");
    }

    private static boolean ignoredHeader(Parameter parameter) {
        String name = parameter.name().toLowerCase(Locale.ROOT);
        return name.equals("accept") || name.equals("content-type") || name.equals("authorization");
    }

    private void body(Operation operation, Map<String, List<String>> headers, String body, List<Violation> violations) {
        boolean present = body != null && !body.isEmpty();
        Optional<RequestBody> declared = operation.requestBody();
        if (declared.isEmpty()) {
            return;
        }
        if (!present) {
            if (declared.get().required()) {
                violations.add(new Violation(BODY, "", "the request body is required"));
            }
            return;
        }
        String contentType = headers.getOrDefault("content-type", List.of()).stream().findFirst().orElse(null);
        if (contentType == null) {
            violations.add(new Violation(BODY, "", NO_MEDIA_TYPE));
            return;
        }
        Optional<RequestBody.Media> media = declared.get().media().stream()
                .filter(m -> MediaTypes.matches(m.contentType(), contentType)).findFirst();
        if (media.isEmpty()) {
            violations.add(new Violation(BODY, "", "Content-Type " + MediaTypes.essence(contentType)
                    + UNDECLARED_MEDIA_TYPE + String.join(", ",
                    declared.get().media().stream().map(RequestBody.Media::contentType).toList())));
            return;
        }
        if (media.get().schemaPointer().isEmpty()) {
            return;
        }
        String schema = media.get().schemaPointer().get();
        String type = MediaTypes.essence(contentType);
        Optional<JsonNode> value;
        if (MediaTypes.isJson(type)) {
            try {
                value = Optional.of(JSON.readTree(body));
            } catch (JsonProcessingException e) {
                violations.add(new Violation(BODY, "", "the body " + JsonBodies.unreadable(e)));
                return;
            }
        } else if (type.equals("application/x-www-form-urlencoded")) {
            value = Optional.of(form(schema, query(body)));
        } else if (type.startsWith("text/")) {
            value = Optional.of(TextNode.valueOf(body));
        } else {
            value = Optional.empty();
        }
        value.ifPresent(v -> spec.schemas().validate(schema, v, Direction.REQUEST).forEach(error ->
                violations.add(new Violation(BODY, error.getInstanceLocation().toString(), error.getMessage()))));
    }

    /** A form's fields as an object, each read as its property's schema says (a repeated field is an array). */
    private ObjectNode form(String schema, Map<String, List<String>> fields) {
        ObjectNode object = JSON.createObjectNode();
        String at = spec.resolve(schema);
        fields.forEach((name, values) -> {
            String property = at + "/properties/" + name.replace("~", "~0").replace("/", "~1");
            List<String> types = SchemaTypes.of(spec, property);
            if (types.contains("array") && !types.contains("string")) {
                ArrayNode array = object.putArray(name);
                List<String> items = SchemaTypes.of(spec, spec.resolve(property) + "/items");
                values.forEach(v -> array.add(ParameterCodec.typed(v, items)));
            } else if (types.contains("object") && !types.contains("string")) {
                object.set(name, parsedOrText(values.get(0)));
            } else {
                object.set(name, ParameterCodec.typed(values.get(0), types));
            }
        });
        return object;
    }

    private JsonNode fromPath(Parameter parameter, String raw) {
        if (parameter.contentType().isPresent()) {
            return parsedOrText(raw);
        }
        String value = raw;
        String delimiter = ",";
        switch (parameter.style()) {
            case "label" -> {
                value = value.startsWith(".") ? value.substring(1) : value;
                // Exploded, each item or member after a dot of its own: .1.2.3, .R=100.G=200
                delimiter = parameter.explode() ? "." : ",";
            }
            case "matrix" -> {
                String prefix = ";" + parameter.name() + "=";
                if (value.startsWith(prefix)) {
                    value = value.substring(prefix.length()).replace(prefix, ",");
                } else if (parameter.explode() && value.startsWith(";")) {
                    // An exploded object names its members, not itself: ;R=100;G=200
                    value = value.substring(1);
                    delimiter = ";";
                }
            }
            default -> { }
        }
        return delimited(parameter, value, delimiter);
    }

    private Optional<JsonNode> fromQuery(Parameter parameter, Map<String, List<String>> query) {
        if (parameter.style().equals("deepObject")) {
            ObjectNode object = JSON.createObjectNode();
            String prefix = parameter.name() + "[";
            query.forEach((name, values) -> {
                if (name.startsWith(prefix) && name.endsWith("]")) {
                    String member = name.substring(prefix.length(), name.length() - 1);
                    String property = spec.resolve(parameter.schemaPointer().orElse("")) + "/properties/" + member;
                    object.set(member, ParameterCodec.typed(values.get(0), SchemaTypes.of(spec, property)));
                }
            });
            return object.isEmpty() ? Optional.empty() : Optional.of(object);
        }
        List<String> values = query.get(parameter.name());
        List<String> types = types(parameter);
        if (values == null && parameter.explode() && types.contains("object") && !types.contains("string")) {
            // An exploded form object spreads its members over the query as names of their own.
            ObjectNode object = JSON.createObjectNode();
            String at = spec.resolve(parameter.schemaPointer().orElse(""));
            spec.node(at + "/properties").fieldNames().forEachRemaining(member -> {
                if (query.containsKey(member)) {
                    object.set(member, ParameterCodec.typed(query.get(member).get(0),
                            SchemaTypes.of(spec, at + "/properties/" + member)));
                }
            });
            return object.isEmpty() ? Optional.empty() : Optional.of(object);
        }
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (parameter.contentType().isPresent()) {
            return Optional.of(parsedOrText(values.get(0)));
        }
        String delimiter = switch (parameter.style()) {
            case "spaceDelimited" -> " ";
            case "pipeDelimited" -> "|";
            default -> ",";
        };
        if (types.contains("array") && !types.contains("string") && parameter.explode() && delimiter.equals(",")) {
            ArrayNode array = JSON.createArrayNode();
            List<String> items = itemTypes(parameter);
            values.forEach(v -> array.add(ParameterCodec.typed(v, items)));
            return Optional.of(array);
        }
        return Optional.of(delimited(parameter, values.get(0), delimiter));
    }

    /** One wire text read as the parameter's schema says: a list for an array, pairs for an object, else typed. */
    private JsonNode delimited(Parameter parameter, String raw, String delimiter) {
        if (parameter.contentType().isPresent()) {
            return parsedOrText(raw);
        }
        List<String> types = types(parameter);
        if (types.contains("array") && !types.contains("string")) {
            ArrayNode array = JSON.createArrayNode();
            if (!raw.isEmpty()) {
                List<String> items = itemTypes(parameter);
                for (String item : raw.split(java.util.regex.Pattern.quote(delimiter), -1)) {
                    array.add(ParameterCodec.typed(item, items));
                }
            }
            return array;
        }
        if (types.contains("object") && !types.contains("string")) {
            ObjectNode object = JSON.createObjectNode();
            String at = spec.resolve(parameter.schemaPointer().orElse(""));
            String[] parts = raw.split(java.util.regex.Pattern.quote(delimiter), -1);
            boolean exploded = raw.contains("=");
            for (int i = 0; i < parts.length; i++) {
                String name;
                String text;
                if (exploded) {
                    int eq = parts[i].indexOf('=');
                    name = eq < 0 ? parts[i] : parts[i].substring(0, eq);
                    text = eq < 0 ? "" : parts[i].substring(eq + 1);
                } else if (i + 1 < parts.length) {
                    name = parts[i];
                    text = parts[++i];
                } else {
                    break;
                }
                object.set(name, ParameterCodec.typed(text, SchemaTypes.of(spec, at + "/properties/" + name)));
            }
            return object;
        }
        return ParameterCodec.typed(raw, types);
    }

    private List<String> types(Parameter parameter) {
        return parameter.schemaPointer().map(pointer -> SchemaTypes.of(spec, pointer)).orElse(List.of("string"));
    }

    private List<String> itemTypes(Parameter parameter) {
        return parameter.schemaPointer().map(pointer -> SchemaTypes.of(spec, spec.resolve(pointer) + "/items"))
                .orElse(List.of("string"));
    }

    private static JsonNode parsedOrText(String raw) {
        try {
            return JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(raw);
        }
    }

    private static String describe(JsonNode value) {
        String text = value.isTextual() ? "'" + value.asText() + "'" : value.toString();
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /** The query's fields in order, each with its values, decoded ({@code +} is a space, as forms write it). */
    static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return fields;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decodeForm(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decodeForm(pair.substring(eq + 1));
            fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return fields;
    }

    /** The cookies of {@code Cookie} headers by name, each value decoded; the first of a name wins. */
    static Map<String, String> cookies(List<String> headers) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String header : headers) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.putIfAbsent(pair.substring(0, eq).trim(), decode(pair.substring(eq + 1).trim()));
                }
            }
        }
        return cookies;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    private static String decodeForm(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
