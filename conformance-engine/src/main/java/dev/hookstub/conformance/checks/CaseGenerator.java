package dev.hookstub.conformance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.conformance.checks.RequestCase.Credential;
import dev.hookstub.conformance.checks.RequestCase.Kind;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.Operation;
import dev.hookstub.openapi.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The requests for one operation, all derived from its spec: the example request (the spec's example record or body),
 * requests with generated valid values, requests that break one rule each, and the example request without or with a
 * wrong credential. Generation draws from one seeded {@link Random}, so a seed reproduces the same requests.
 */
final class CaseGenerator {

    private final OpenApiSpec spec;
    private final Operation operation;
    private final Random random;
    private final SchemaValues values;
    private final InvalidValues invalid;
    private final Optional<ExampleRecord> record;
    private final Optional<String> givenId;

    /** @param givenId the record to read given for this run, instead of the spec's example record */
    CaseGenerator(OpenApiSpec spec, Operation operation, Optional<String> givenId, Random random) {
        this.spec = spec;
        this.operation = operation;
        this.random = random;
        this.values = new SchemaValues(spec, random);
        this.invalid = new InvalidValues(spec, random);
        this.givenId = givenId;
        this.record = pathParameters().isEmpty() ? Optional.empty() : ExampleRecord.of(spec, operation, values);
    }

    /** The request the spec's own examples make; empty when the spec gives no record id to read. */
    Optional<RequestCase> example() {
        Map<String, String> path = new LinkedHashMap<>();
        for (Parameter parameter : pathParameters()) {
            Optional<String> value = parameter.name().equals(recordIdParameter())
                    ? givenId.or(() -> record.flatMap(r -> r.idFor(parameter.name())))
                    : exampleOrGenerated(parameter);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            path.put(parameter.name(), value.get());
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (Parameter parameter : queryParameters()) {
            if (parameter.required()) {
                Optional<String> value = exampleOrGenerated(parameter);
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                query.put(parameter.name(), value.get());
            } else if (givenId.isEmpty() && record.map(r -> r.selectedBy(parameter.name())).orElse(false)) {
                // Only for the spec's own record: the mode of a record given for the run is unknown, and the
                // default (no parameter) is the live mode a provider's real records are in.
                query.put(parameter.name(), "true");
            }
        }
        Optional<String> body = operation.requestBodySchemaPointer().map(pointer -> exampleBody(pointer).toString());
        String description = record.isPresent() || operation.requestBodySchemaPointer().isPresent()
                ? "the spec's example" + (givenId.isPresent() ? " (record given for this run)" : "")
                : "required values only";
        return Optional.of(new RequestCase(operation, Kind.EXAMPLE, description, operation.httpMethod(), path, query,
                Credential.VALID, body.orElse(null)));
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
        Map<String, String> path = new LinkedHashMap<>();
        for (Parameter parameter : pathParameters()) {
            Optional<String> existing = parameter.name().equals(recordIdParameter()) && random.nextInt(3) == 0
                    ? example().map(e -> e.pathParams().get(parameter.name()))
                    : Optional.empty();
            Optional<String> value = existing.or(() -> generatedValue(parameter));
            if (value.isEmpty()) {
                return Optional.empty();
            }
            path.put(parameter.name(), value.get());
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (Parameter parameter : queryParameters()) {
            int choice = random.nextInt(3);
            if (!parameter.required() && choice == 0) {
                continue;
            }
            Optional<String> value = choice == 1 ? exampleOrGenerated(parameter) : generatedValue(parameter);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            query.put(parameter.name(), value.get());
        }
        String body = null;
        if (operation.requestBodySchemaPointer().isPresent()) {
            Optional<JsonNode> generated = values.generate(operation.requestBodySchemaPointer().get(), true);
            if (generated.isEmpty()) {
                return Optional.empty();
            }
            body = generated.get().toString();
        }
        return Optional.of(new RequestCase(operation, Kind.GENERATED, "generated #" + number, operation.httpMethod(),
                path, query, Credential.VALID, body));
    }

    /**
     * Valid requests that each set one parameter to a boundary value ({@link SchemaValues#boundaries}), built on
     * {@code base}; the same for every seed, so a server that fails on one fails every run.
     */
    List<RequestCase> boundary(RequestCase base, Set<String> seen) {
        List<RequestCase> cases = new ArrayList<>();
        Set<String> identities = new LinkedHashSet<>(seen);
        for (Parameter parameter : operation.parameters()) {
            boolean inPath = parameter.in().equals("path");
            if (!inPath && !parameter.in().equals("query") || parameter.schemaPointer().isEmpty()) {
                continue;
            }
            for (JsonNode value : values.boundaries(parameter.schemaPointer().get())) {
                RequestCase edge = base.as(Kind.GENERATED, "boundary value " + parameter.name() + "="
                        + abbreviated(wire(value)), Credential.VALID);
                (inPath ? edge.pathParams() : edge.queryParams()).put(parameter.name(), wire(value));
                if (identities.add(edge.identity())) {
                    cases.add(edge);
                }
            }
        }
        return cases;
    }

    private static String abbreviated(String value) {
        return value.length() <= 24 ? value : value.substring(0, 12) + "…(" + value.length() + " chars)";
    }

    /** Requests that each break one rule of the spec, built on {@code base} (a valid request). */
    List<RequestCase> negative(RequestCase base) {
        List<RequestCase> cases = new ArrayList<>();
        for (Parameter parameter : operation.parameters()) {
            boolean inPath = parameter.in().equals("path");
            if (!inPath && !parameter.in().equals("query") || parameter.schemaPointer().isEmpty()) {
                continue;
            }
            invalid.forParameter(parameter.schemaPointer().get(), inPath).forEach((why, wire) -> {
                RequestCase broken = base.as(Kind.NEGATIVE, parameter.in() + " parameter " + parameter.name() + ": " + why,
                        Credential.VALID);
                (inPath ? broken.pathParams() : broken.queryParams()).put(parameter.name(), wire);
                cases.add(broken);
            });
            if (!inPath && parameter.required()) {
                RequestCase missing = base.as(Kind.NEGATIVE, "required query parameter " + parameter.name() + " missing",
                        Credential.VALID);
                missing.queryParams().remove(parameter.name());
                cases.add(missing);
            }
        }
        if (operation.requestBodySchemaPointer().isPresent() && base.body() != null) {
            JsonNode valid = exampleBody(operation.requestBodySchemaPointer().get());
            invalid.forBody(operation.requestBodySchemaPointer().get(), valid).forEach((why, body) ->
                    cases.add(withBody(base, "body: " + why, body.toString())));
            cases.add(withBody(base, "body: malformed JSON", InvalidValues.malformed(base.body())));
        }
        return cases;
    }

    /** The valid request without a credential and with one the server cannot know. */
    static List<RequestCase> credentialCases(RequestCase base) {
        return List.of(
                base.as(Kind.NO_CREDENTIAL, base.description() + ", no credential", Credential.NONE),
                base.as(Kind.INVALID_CREDENTIAL, base.description() + ", invalid credential", Credential.INVALID));
    }

    /** The record-id path parameter: the last one of the path, e.g. {@code webhookId} in {@code /webhooks/{webhookId}}. */
    String recordIdParameter() {
        List<Parameter> path = pathParameters();
        return path.isEmpty() ? null : path.get(path.size() - 1).name();
    }

    /** A valid value for a parameter, never the example (a valid id that names nothing, say). */
    Optional<String> generatedValue(Parameter parameter) {
        return parameter.schemaPointer().flatMap(pointer -> values.generate(pointer, false)).map(CaseGenerator::wire);
    }

    private Optional<String> exampleOrGenerated(Parameter parameter) {
        Optional<JsonNode> own = parameterExample(parameter);
        if (own.isPresent()) {
            return own.map(CaseGenerator::wire);
        }
        return parameter.schemaPointer().flatMap(values::example).map(CaseGenerator::wire)
                .or(() -> generatedValue(parameter));
    }

    /** The parameter's own {@code example} (Partoo's {@code org_id} has one beside its schema). */
    private Optional<JsonNode> parameterExample(Parameter parameter) {
        return parameter.schemaPointer()
                .filter(pointer -> pointer.endsWith("/schema"))
                .map(pointer -> spec.at(pointer.substring(0, pointer.length() - "/schema".length())).get("example"));
    }

    private JsonNode exampleBody(String bodySchemaPointer) {
        String media = bodySchemaPointer.substring(0, bodySchemaPointer.length() - "/schema".length());
        JsonNode mediaExample = spec.at(media).get("example");
        if (mediaExample != null) {
            return mediaExample;
        }
        return values.example(bodySchemaPointer)
                .or(() -> values.generate(bodySchemaPointer, true))
                .orElseThrow(() -> new IllegalStateException(operation + ": cannot make a valid request body"));
    }

    private static RequestCase withBody(RequestCase base, String description, String body) {
        return new RequestCase(base.operation(), Kind.NEGATIVE, description, base.method(), base.pathParams(),
                base.queryParams(), Credential.VALID, body);
    }

    private List<Parameter> pathParameters() {
        return operation.parameters().stream().filter(p -> p.in().equals("path")).toList();
    }

    private List<Parameter> queryParameters() {
        return operation.parameters().stream().filter(p -> p.in().equals("query")).toList();
    }

    static String wire(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }
}
