package dev.hookstub.conformance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hookstub.conformance.checks.RequestCase.Body;
import dev.hookstub.conformance.checks.RequestCase.Credential;
import dev.hookstub.conformance.checks.RequestCase.Kind;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.Operation;
import dev.hookstub.openapi.Parameter;
import dev.hookstub.openapi.SchemaTypes;
import dev.hookstub.openapi.UnreadablePatterns;
import dev.hookstub.openapi.RequestBody;
import dev.hookstub.openapi.SchemaCatalog.Direction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The requests for one operation, all derived from its spec: the example request (the spec's example record or body),
 * requests with generated valid values, requests that break one rule each, the valid request without each required
 * header, and the example request without or with a wrong credential. Generation draws from one seeded
 * {@link Random}, so a seed reproduces the same requests. Every parameter of every location is filled as its schema
 * and examples allow; a body is written in a media type the operation declares.
 */
final class CaseGenerator {

    /** Header parameters OpenAPI says to ignore: the request's own headers carry them. */
    private static final Set<String> IGNORED_HEADERS = Set.of("accept", "content-type", "authorization");
    private static final List<String> LOCATIONS = List.of("path", "query", "header", "cookie");

    private final OpenApiSpec spec;
    private final Operation operation;
    private final Random random;
    private final SchemaValues values;
    private final InvalidValues invalid;
    private final Optional<ExampleRecord> record;
    private final Optional<String> givenId;
    private String noBodyReason;
    /** The first parameter no valid value could be made for, and why, when one stopped a request. */
    private String noValueReason;
    /** Whether a value of the request being made came from the spec's examples (its description says so). */
    private boolean tookExample;
    /** Whether the request being made names the record given for the run. */
    private boolean tookGivenId;

    /** @param givenId the record to read given for this run, instead of the spec's example record */
    CaseGenerator(OpenApiSpec spec, Operation operation, Optional<String> givenId, Random random) {
        this.spec = spec;
        this.operation = operation;
        this.random = random;
        this.values = new SchemaValues(spec, random);
        this.invalid = new InvalidValues(spec, random);
        this.givenId = givenId;
        this.record = operation.parameters("path").isEmpty() ? Optional.empty()
                : ExampleRecord.of(spec, operation, values);
    }

    /** The request the spec's own examples make; empty when no valid value can be found for something it needs. */
    Optional<RequestCase> example() {
        tookExample = false;
        tookGivenId = false;
        Map<String, Map<String, JsonNode>> params = new LinkedHashMap<>();
        for (String in : LOCATIONS) {
            params.put(in, new LinkedHashMap<>());
        }
        for (Parameter parameter : sent()) {
            Optional<JsonNode> value;
            if (parameter.inPath() && parameter.name().equals(recordIdParameter())) {
                value = givenId.or(() -> record.flatMap(r -> r.idFor(parameter.name())))
                        .map(id -> (JsonNode) TextNode.valueOf(id))
                        .filter(id -> acceptsText(parameter, id));
                tookGivenId |= value.isPresent() && givenId.isPresent();
                tookExample |= value.isPresent() && givenId.isEmpty();
                value = value.or(() -> exampleOrGenerated(parameter));
            } else if (parameter.required()) {
                value = exampleOrGenerated(parameter);
            } else if (parameter.inQuery() && givenId.isEmpty()
                    && record.map(r -> r.selectedBy(parameter.name())).orElse(false)) {
                // Only for the spec's own record: the mode of a record given for the run is unknown, and the
                // default (no parameter) is the live mode a provider's real records are in.
                value = Optional.of(com.fasterxml.jackson.databind.node.BooleanNode.TRUE);
                tookExample = true;
            } else {
                continue;
            }
            if (value.isEmpty()) {
                noValueFor(parameter);
                return Optional.empty();
            }
            params.get(parameter.in()).put(parameter.name(), value.get());
        }
        Optional<Body> body = Optional.empty();
        if (operation.requestBody().isPresent()) {
            body = body(true);
            if (body.isEmpty() && operation.requestBody().get().required()) {
                return Optional.empty();
            }
        }
        return Optional.of(request(Kind.EXAMPLE, exampleDescription(body.isPresent()), params, body.orElse(null)));
    }

    /**
     * What {@link #example()} sent: the spec's example where any value of it came from the spec's examples (or the
     * record given for the run), else what the values were. A document without examples gets generated values, and
     * its report must not say they were the spec's.
     */
    private String exampleDescription(boolean withBody) {
        if (tookGivenId) {
            return "the spec's example (record given for this run)";
        }
        if (tookExample) {
            return "the spec's example";
        }
        return withBody ? "required values and a body made from the schema (the spec gives no valid example)"
                : "required values only";
    }

    /**
     * Why {@link #negative} made nothing of {@code base}: its parameters set no rule to break, and its body is none
     * (the operation has none, or none valid could be made from the schema, so the request went without one) or not
     * JSON, which is the only body this breaks.
     */
    String noNegativeReason(RequestCase base) {
        String body = operation.requestBody().isEmpty() ? "the operation takes no body"
                : base.body() == null ? "no valid request body could be made from its schema, so none went to break"
                : "its body is " + base.body().contentType() + ", and only JSON bodies are broken";
        return "no rule a request could break was found: no parameter it sends has one (a type, a bound, a pattern, "
                + "an enum, a format, a required member); and " + body;
    }

    /** Why {@link #example()} and {@link #generated} made no request, when they made none. */
    String whyNoRequest() {
        return noValueReason != null ? noValueReason
                : noBodyReason != null ? noBodyReason : "no valid request could be made from the spec";
    }

    /** The request cannot go without this parameter, and no valid value was found for it: say which, and why. */
    private void noValueFor(Parameter parameter) {
        if (noValueReason == null) {
            noValueReason = "no valid value could be made for the " + parameter.in() + " parameter "
                    + parameter.name() + parameter.schemaPointer().flatMap(values::patternOf)
                    .map(pattern -> UnreadablePatterns.why(pattern)
                            .map(why -> ": its pattern " + pattern + " cannot be read (" + why + ")")
                            .orElse(": no string within its lengths matched its pattern " + pattern
                                    + ", and it has no example that does"))
                    .orElse("");
        }
    }

    /** Up to {@code count} distinct requests with generated valid values, none equal to one in {@code seen}. */
    List<RequestCase> generated(int count, Set<String> seen) {
        List<RequestCase> cases = new ArrayList<>();
        Set<String> identities = new LinkedHashSet<>(seen);
        for (int attempt = 0; attempt < count * 3 && cases.size() < count; attempt++) {
            generatedCase(cases.size() + 1).filter(c -> identities.add(c.identity())).ifPresent(cases::add);
        }
        return cases;
    }

    private Optional<RequestCase> generatedCase(int number) {
        Map<String, Map<String, JsonNode>> params = new LinkedHashMap<>();
        for (String in : LOCATIONS) {
            params.put(in, new LinkedHashMap<>());
        }
        Optional<RequestCase> example = Optional.empty();
        for (Parameter parameter : sent()) {
            int choice = random.nextInt(3);
            if (!parameter.required() && choice == 0) {
                continue;
            }
            Optional<JsonNode> value;
            if (parameter.inPath() && parameter.name().equals(recordIdParameter()) && choice == 0) {
                example = example.or(this::example);
                value = example.map(e -> e.pathParams().get(parameter.name()));
            } else {
                value = choice == 1 ? exampleOrGenerated(parameter) : generatedValue(parameter);
            }
            if (value.isEmpty()) {
                value = generatedValue(parameter);
            }
            if (value.isEmpty()) {
                noValueFor(parameter);
                return Optional.empty();
            }
            params.get(parameter.in()).put(parameter.name(), value.get());
        }
        Body body = null;
        if (operation.requestBody().isPresent()) {
            Optional<Body> made = body(false);
            if (made.isEmpty() && operation.requestBody().get().required()) {
                return Optional.empty();
            }
            body = made.orElse(null);
        }
        return Optional.of(request(Kind.GENERATED, "generated #" + number, params, body));
    }

    /**
     * Valid requests that each set one parameter to a boundary value ({@link SchemaValues#boundaries}), built on
     * {@code base}; the same for every seed, so a server that fails on one fails every run.
     */
    List<RequestCase> boundary(RequestCase base, Set<String> seen) {
        List<RequestCase> cases = new ArrayList<>();
        Set<String> identities = new LinkedHashSet<>(seen);
        for (Parameter parameter : sent()) {
            if (!parameter.inPath() && !parameter.inQuery() || parameter.schemaPointer().isEmpty()) {
                continue;
            }
            for (JsonNode value : values.boundaries(parameter.schemaPointer().get())) {
                RequestCase edge = base.as(Kind.GENERATED, "boundary value " + parameter.name() + "="
                        + abbreviated(value), Credential.VALID);
                edge.params(parameter.in()).put(parameter.name(), value);
                if (identities.add(edge.identity())) {
                    cases.add(edge);
                }
            }
        }
        return cases;
    }

    private static String abbreviated(JsonNode value) {
        String text = value.isTextual() ? value.asText() : value.toString();
        return text.length() <= 24 ? text : text.substring(0, 12) + "…(" + text.length() + " chars)";
    }

    /** Requests that each break one rule of the spec, built on {@code base} (a valid request). */
    List<RequestCase> negative(RequestCase base) {
        List<RequestCase> cases = new ArrayList<>();
        for (Parameter parameter : sent()) {
            if (parameter.schemaPointer().isEmpty() || parameter.contentType().isPresent()) {
                continue;
            }
            invalid.forParameter(parameter.schemaPointer().get(), parameter.inPath()).forEach((why, wire) -> {
                RequestCase broken = base.as(Kind.NEGATIVE, parameter.in() + " parameter " + parameter.name() + ": "
                        + why, Credential.VALID);
                broken.params(parameter.in()).put(parameter.name(), TextNode.valueOf(wire));
                cases.add(broken);
            });
            JsonNode sentValue = base.params(parameter.in()).get(parameter.name());
            if (sentValue != null && sentValue.isContainerNode()) {
                invalid.forMembers(parameter.schemaPointer().get(), sentValue, parameter.inPath())
                        .forEach((why, value) -> {
                            RequestCase broken = base.as(Kind.NEGATIVE, parameter.in() + " parameter "
                                    + parameter.name() + ": " + why, Credential.VALID);
                            broken.params(parameter.in()).put(parameter.name(), value);
                            cases.add(broken);
                        });
            }
            if ((parameter.inQuery() || parameter.inCookie()) && parameter.required()
                    && !absentIsAValidEmptyValue(parameter)) {
                RequestCase missing = base.as(Kind.NEGATIVE, "required " + parameter.in() + " parameter "
                        + parameter.name() + " missing", Credential.VALID);
                missing.params(parameter.in()).remove(parameter.name());
                cases.add(missing);
            }
        }
        Optional<String> schema = operation.requestBodySchemaPointer();
        if (schema.isPresent() && BodyEncoder.isJson(base.body())) {
            JsonNode valid = parse(base.body().text());
            String contentType = base.body().contentType();
            invalid.forBody(schema.get(), valid).forEach((why, body) ->
                    cases.add(base.withBody(Kind.NEGATIVE, "body: " + why, new Body(contentType, body.toString()))));
            cases.add(base.withBody(Kind.NEGATIVE, "body: malformed JSON",
                    new Body(contentType, InvalidValues.malformed(base.body().text()))));
        }
        return cases;
    }

    /**
     * Whether leaving the parameter out is, on the wire, sending a valid value: an exploded object or array (form
     * with {@code explode}, or deepObject) that is empty writes nothing, so a server cannot tell it from absent, and
     * when the schema takes {@code {}} (no required member) or {@code []}, absent is that valid value.
     */
    private boolean absentIsAValidEmptyValue(Parameter parameter) {
        boolean exploded = parameter.style().equals("deepObject") || parameter.style().equals("form") && parameter.explode();
        if (!exploded || parameter.schemaPointer().isEmpty()) {
            return false;
        }
        String schema = parameter.schemaPointer().get();
        List<String> types = SchemaTypes.of(spec, schema);
        return types.contains("object") && values.valid(schema, JsonNodeFactory.instance.objectNode(), Direction.REQUEST)
                || types.contains("array") && values.valid(schema, JsonNodeFactory.instance.arrayNode(), Direction.REQUEST);
    }

    /** The valid request without each required header parameter in turn ({@code missing_required_header}). */
    List<RequestCase> missingHeaders(RequestCase base) {
        List<RequestCase> cases = new ArrayList<>();
        for (Parameter parameter : sent()) {
            if (parameter.inHeader() && parameter.required()) {
                RequestCase missing = base.as(Kind.MISSING_HEADER, "required header " + parameter.name()
                        + " left out", Credential.VALID);
                missing.headerParams().remove(parameter.name());
                cases.add(missing);
            }
        }
        return cases;
    }

    /** Whether the operation has a required header parameter, so that {@code missing_required_header} applies. */
    boolean hasRequiredHeader() {
        return sent().stream().anyMatch(p -> p.inHeader() && p.required());
    }

    /** The valid request without a credential and with one the server cannot know. */
    static List<RequestCase> credentialCases(RequestCase base) {
        return List.of(
                base.as(Kind.NO_CREDENTIAL, base.description() + ", no credential", Credential.NONE),
                base.as(Kind.INVALID_CREDENTIAL, base.description() + ", invalid credential", Credential.INVALID));
    }

    /** The record-id path parameter: the last one of the path, e.g. {@code webhookId} in {@code /webhooks/{webhookId}}. */
    String recordIdParameter() {
        List<Parameter> path = operation.parameters("path");
        return path.isEmpty() ? null : path.get(path.size() - 1).name();
    }

    /** A valid value for a parameter, never the example (a valid id that names nothing, say). */
    Optional<JsonNode> generatedValue(Parameter parameter) {
        // A few draws: an array's size is drawn too, and a required one drawn empty would not be sent at all.
        for (int draw = 0; draw < 4; draw++) {
            Optional<JsonNode> value = parameter.schemaPointer()
                    .flatMap(pointer -> values.generate(pointer, Direction.REQUEST))
                    .filter(generated -> fitsLocation(parameter, generated));
            if (value.isPresent() || parameter.schemaPointer().isEmpty()) {
                return value;
            }
        }
        return Optional.empty();
    }

    private Optional<JsonNode> exampleOrGenerated(Parameter parameter) {
        Optional<JsonNode> example = parameterExamples(parameter).stream()
                .filter(value -> fitsLocation(parameter, value)).findFirst()
                .or(() -> parameter.schemaPointer().flatMap(pointer -> values.example(pointer, Direction.REQUEST))
                        .filter(value -> fitsLocation(parameter, value)));
        if (example.isPresent()) {
            tookExample = true;
            return example;
        }
        return generatedValue(parameter);
    }

    /** The parameter's own {@code example} and {@code examples}, those valid for its schema. */
    private List<JsonNode> parameterExamples(Parameter parameter) {
        if (parameter.pointer().isEmpty()) {
            return List.of();
        }
        return MediaExamples.all(spec, parameter.pointer()).stream()
                .filter(value -> parameter.schemaPointer().map(s -> values.valid(s, value, Direction.REQUEST))
                        .orElse(true))
                .filter(value -> fitsLocation(parameter, value))
                .toList();
    }

    /** A path value must stay one non-empty segment; a header value must be printable on one line. */
    private static boolean fitsLocation(Parameter parameter, JsonNode value) {
        if (parameter.required() && value.isContainerNode() && value.isEmpty()) {
            // An empty array or object is serialized as no parameter at all (RFC 6570 drops it): not sent, while
            // the request would be called valid.
            return false;
        }
        String text = value.isTextual() ? value.asText() : value.toString();
        if (parameter.inPath()) {
            return !text.isEmpty() && text.indexOf('/') < 0 && text.indexOf('\\') < 0;
        }
        if (parameter.inHeader()) {
            return text.chars().allMatch(c -> c >= 0x20 && c < 0x7f) && !text.isBlank()
                    && (!value.isContainerNode() || membersFitAHeader(value));
        }
        return true;
    }

    /**
     * A header's simple style separates items and members with ',' (and a member from its value with '=') and has
     * no escape for either: a member holding one reads back as other members, and the request would be called
     * valid while the server reads another value.
     */
    private static boolean membersFitAHeader(JsonNode value) {
        List<String> texts = new ArrayList<>();
        value.fieldNames().forEachRemaining(texts::add);
        value.elements().forEachRemaining(member -> texts.add(member.isTextual() ? member.asText() : member.toString()));
        return texts.stream().noneMatch(text -> text.indexOf(',') >= 0 || text.indexOf('=') >= 0);
    }

    private boolean acceptsText(Parameter parameter, JsonNode id) {
        return parameter.schemaPointer().isEmpty() || values.valid(parameter.schemaPointer().get(),
                dev.hookstub.openapi.ParameterCodec.typed(id.asText(),
                        SchemaTypes.of(spec, parameter.schemaPointer().get())), Direction.REQUEST);
    }

    /** A body in the first media type a value can be written in: the spec's example first when asked, else generated. */
    private Optional<Body> body(boolean exampleFirst) {
        RequestBody requestBody = operation.requestBody().orElseThrow();
        List<String> unwritable = new ArrayList<>();
        for (RequestBody.Media media : requestBody.media()) {
            List<JsonNode> examples = new ArrayList<>(MediaExamples.all(spec, media.pointer()));
            if (media.schemaPointer().isPresent()) {
                String schema = media.schemaPointer().get();
                examples.removeIf(example -> !values.valid(schema, example, Direction.REQUEST));
                if (examples.isEmpty() && exampleFirst) {
                    // No example of the media type: the schema's own (or one made of its members' examples).
                    examples.addAll(values.examples(schema, Direction.REQUEST));
                }
                Optional<JsonNode> value = exampleFirst && !examples.isEmpty() ? Optional.of(examples.get(0))
                        : values.generate(schema, Direction.REQUEST).or(() -> examples.stream().findFirst());
                tookExample |= exampleFirst && !examples.isEmpty();
                Optional<Body> body = value.flatMap(v -> BodyEncoder.encode(media.contentType(), v));
                if (body.isPresent()) {
                    return body;
                }
                unwritable.add(value.isEmpty() ? media.contentType() + " (no valid value could be made from its schema)"
                        : media.contentType() + " (not a media type hookstub can write from a value)");
            } else {
                tookExample |= !examples.isEmpty();
                Optional<Body> body = examples.stream().findFirst()
                        .flatMap(example -> BodyEncoder.encode(media.contentType(), example))
                        .or(() -> Optional.of(new Body(media.contentType(), "{}"))
                                .filter(b -> BodyEncoder.isJson(b)));
                if (body.isPresent()) {
                    return body;
                }
                unwritable.add(media.contentType() + " (no schema and no example)");
            }
        }
        noBodyReason = requestBody.media().isEmpty() ? "the request body declares no media type"
                : "no valid request body could be made: " + String.join("; ", unwritable);
        return Optional.empty();
    }

    /** Every parameter a client sends itself: OpenAPI ignores Accept, Content-Type and Authorization headers. */
    private List<Parameter> sent() {
        return operation.parameters().stream()
                .filter(p -> LOCATIONS.contains(p.in()))
                .filter(p -> !p.inHeader() || !IGNORED_HEADERS.contains(p.name().toLowerCase(Locale.ROOT)))
                .toList();
    }

    private RequestCase request(Kind kind, String description, Map<String, Map<String, JsonNode>> params, Body body) {
        return new RequestCase(operation, kind, description, operation.httpMethod(), params.get("path"),
                params.get("query"), params.get("header"), params.get("cookie"), Credential.VALID, body);
    }

    private static JsonNode parse(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }
}
