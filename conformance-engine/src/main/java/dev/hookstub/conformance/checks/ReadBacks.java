package dev.hookstub.conformance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hookstub.openapi.JsonPointers;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.Operation;
import dev.hookstub.openapi.Parameter;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How to read back what a create made, from what the spec and the answer say, in this order: the create's response
 * {@code links} to a GET (their runtime expressions evaluated: {@code $response.body#/id},
 * {@code $request.path.owner}, ...), the answer's {@code Location} header matched against the spec's GET paths, and
 * the GET of one record right under the create's path ({@code POST /owners/{owner}/things} beside
 * {@code GET /owners/{owner}/things/{thingId}}), every path parameter filled: the create's own values for those it
 * shares, and the record's id from the answer for the last one.
 */
final class ReadBacks {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A read of one record: the operation and its path and query values. */
    record Plan(Operation read, Map<String, JsonNode> pathParams, Map<String, JsonNode> queryParams, String how) {
    }

    private final OpenApiSpec spec;
    private final String serverPath;

    /** @param serverUrl where the spec's server URL is served, to read a {@code Location} against */
    ReadBacks(OpenApiSpec spec, String serverUrl) {
        this.spec = spec;
        String path;
        try {
            path = URI.create(serverUrl).getRawPath();
        } catch (IllegalArgumentException e) {
            path = "";
        }
        this.serverPath = path == null ? "" : path.replaceAll("/$", "");
    }

    /** The GET of one record right under a POST's path, if the spec has one: what makes the POST a create. */
    Optional<Operation> readUnder(Operation create) {
        if (!create.httpMethod().equals("POST")) {
            return Optional.empty();
        }
        String prefix = create.pathTemplate() + "/{";
        return spec.operations().stream()
                .filter(op -> op.httpMethod().equals("GET"))
                .filter(op -> op.pathTemplate().startsWith(prefix) && op.pathTemplate().endsWith("}")
                        && op.pathTemplate().indexOf('/', prefix.length()) < 0)
                .findFirst();
    }

    /** Whether the create's successful answers link to a GET. */
    boolean links(Operation create) {
        return create.responseStatuses().stream().filter(status -> status.startsWith("2"))
                .anyMatch(status -> linkedReads(create, status).hasNext());
    }

    /** The read of what {@code created} made; empty when nothing in the spec or the answer says how. */
    Optional<Plan> plan(Exchange created) {
        Operation create = created.requestCase().operation();
        JsonNode body = parse(created.response().body());
        Optional<String> key = spec.responseKeyFor(create, created.status());
        if (key.isPresent()) {
            Iterator<Map.Entry<String, JsonNode>> links = linkedReads(create, key.get());
            while (links.hasNext()) {
                Optional<Plan> linked = fromLink(links.next(), created, body);
                if (linked.isPresent()) {
                    return linked;
                }
            }
        }
        List<String> location = created.response().headers().getOrDefault("location", List.of());
        if (!location.isEmpty()) {
            Optional<Plan> located = fromLocation(location.get(0));
            if (located.isPresent()) {
                return located;
            }
        }
        return readUnder(create).flatMap(read -> byName(read, created, body));
    }

    private Iterator<Map.Entry<String, JsonNode>> linkedReads(Operation create, String status) {
        JsonNode links = spec.node(spec.responsePointer(create, status) + "/links");
        Map<String, JsonNode> reads = new LinkedHashMap<>();
        links.fieldNames().forEachRemaining(name -> {
            JsonNode link = spec.node(spec.resolve(spec.responsePointer(create, status) + "/links/"
                    + JsonPointers.escape(name)));
            target(link).filter(op -> op.httpMethod().equals("GET")).ifPresent(op -> reads.put(name, link));
        });
        return reads.entrySet().iterator();
    }

    private Optional<Operation> target(JsonNode link) {
        if (link.path("operationId").isTextual()) {
            String id = link.get("operationId").asText();
            return spec.operations().stream().filter(op -> id.equals(op.operationId())).findFirst();
        }
        if (link.path("operationRef").isTextual() && link.get("operationRef").asText().startsWith("#")) {
            String pointer = URLDecoder.decode(link.get("operationRef").asText().substring(1), StandardCharsets.UTF_8);
            return spec.operations().stream().filter(op -> op.pointer().equals(pointer)
                    || op.pointer().equals(spec.resolve(pointer))).findFirst();
        }
        return Optional.empty();
    }

    private Optional<Plan> fromLink(Map.Entry<String, JsonNode> link, Exchange created, JsonNode body) {
        Operation read = target(link.getValue()).orElseThrow();
        Map<String, JsonNode> path = new LinkedHashMap<>();
        Map<String, JsonNode> query = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> parameters = link.getValue().path("parameters").fields();
        while (parameters.hasNext()) {
            Map.Entry<String, JsonNode> parameter = parameters.next();
            String name = parameter.getKey().replaceFirst("^(path|query|header|cookie)\\.", "");
            Optional<JsonNode> value = evaluate(parameter.getValue(), created, body);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            boolean inPath = read.parameters("path").stream().anyMatch(p -> p.name().equals(name));
            (inPath ? path : query).put(name, value.get());
        }
        for (Parameter parameter : read.parameters("path")) {
            if (!path.containsKey(parameter.name())) {
                JsonNode same = created.requestCase().pathParams().get(parameter.name());
                if (same == null) {
                    return Optional.empty();
                }
                path.put(parameter.name(), same);
            }
        }
        return Optional.of(new Plan(read, path, query, "the create's link '" + link.getKey() + "'"));
    }

    /** A runtime expression of a link, or a constant. */
    private static Optional<JsonNode> evaluate(JsonNode expression, Exchange created, JsonNode body) {
        if (!expression.isTextual() || !expression.asText().startsWith("$")) {
            return Optional.of(expression);
        }
        String text = expression.asText();
        RequestCase request = created.requestCase();
        if (text.startsWith("$response.body#")) {
            JsonNode value = body.at(text.substring("$response.body#".length()));
            return value.isValueNode() && !value.isNull() ? Optional.of(value) : Optional.empty();
        }
        if (text.equals("$response.body")) {
            return body.isValueNode() ? Optional.of(body) : Optional.empty();
        }
        if (text.startsWith("$response.header.")) {
            List<String> values = created.response().headers()
                    .getOrDefault(text.substring("$response.header.".length()).toLowerCase(Locale.ROOT), List.of());
            return values.isEmpty() ? Optional.empty() : Optional.of(TextNode.valueOf(values.get(0)));
        }
        if (text.startsWith("$request.path.")) {
            return Optional.ofNullable(request.pathParams().get(text.substring("$request.path.".length())));
        }
        if (text.startsWith("$request.query.")) {
            return Optional.ofNullable(request.queryParams().get(text.substring("$request.query.".length())));
        }
        if (text.startsWith("$request.header.")) {
            return Optional.ofNullable(request.headerParams().get(text.substring("$request.header.".length())));
        }
        if (text.startsWith("$request.body#") && BodyEncoder.isJson(request.body())) {
            JsonNode value = parse(request.body().text()).at(text.substring("$request.body#".length()));
            return value.isValueNode() && !value.isNull() ? Optional.of(value) : Optional.empty();
        }
        return Optional.empty();
    }

    private Optional<Plan> fromLocation(String location) {
        String path;
        try {
            path = URI.create(location.trim()).getRawPath();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (path == null) {
            return Optional.empty();
        }
        if (!serverPath.isEmpty() && path.startsWith(serverPath + "/")) {
            path = path.substring(serverPath.length());
        }
        String relative = path;
        return spec.findOperation("GET", relative).flatMap(read -> spec.template(read).values(relative).map(values -> {
            Map<String, JsonNode> params = new LinkedHashMap<>();
            values.forEach((name, raw) -> params.put(name,
                    TextNode.valueOf(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8))));
            return new Plan(read, params, Map.of(), "the create's Location header");
        }));
    }

    private Optional<Plan> byName(Operation read, Exchange created, JsonNode body) {
        List<Parameter> pathParameters = read.parameters("path");
        if (pathParameters.isEmpty()) {
            return Optional.empty();
        }
        Map<String, JsonNode> path = new LinkedHashMap<>();
        for (int i = 0; i < pathParameters.size() - 1; i++) {
            String name = pathParameters.get(i).name();
            JsonNode same = created.requestCase().pathParams().get(name);
            if (same == null) {
                return Optional.empty();
            }
            path.put(name, same);
        }
        String idName = pathParameters.get(pathParameters.size() - 1).name();
        ExampleRecord record = new ExampleRecord(body);
        Optional<String> id = record.idFor(idName);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        path.put(idName, TextNode.valueOf(id.get()));
        Map<String, JsonNode> query = new LinkedHashMap<>();
        read.parameters("query").stream().filter(p -> record.selectedBy(p.name()))
                .forEach(p -> query.put(p.name(), com.fasterxml.jackson.databind.node.BooleanNode.TRUE));
        return Optional.of(new Plan(read, path, query, "the id in the create's answer"));
    }

    static JsonNode parse(String body) {
        try {
            JsonNode node = body == null || body.isEmpty() ? null : JSON.readTree(body);
            return node == null ? JSON.missingNode() : node;
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
