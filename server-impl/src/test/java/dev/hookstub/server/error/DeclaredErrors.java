package dev.hookstub.server.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import dev.hookstub.openapi.JsonPointers;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.SchemaCatalog;
import dev.hookstub.server.spec.SpecFile;
import dev.hookstub.server.store.StoreException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.glassfish.jersey.server.ParamException;

/**
 * The error responses a spec declares (each 4xx and 5xx of each operation, with its media type and schema), and the
 * check that an API's error format, through every exception mapper, writes what the spec documents: the status, the
 * declared media type, and a body the declared schema accepts. The specs' error schemas require nothing and allow
 * any other field, so the body of a declared status is also held to their letter: no field the schema does not
 * name, and no object left empty that the schema gives fields. An answer whose status the spec does not declare
 * (a 405, a 503) must still be in the API's declared error format, as the conformance suite requires: a body one of
 * the declared error schemas accepts, in its media type.
 */
public final class DeclaredErrors {

    /** One declared error response: where the spec declares it, its status, media type and schema's pointer. */
    record Declared(String where, int status, String mediaType, String schemaPointer) {
    }

    private DeclaredErrors() {
    }

    static List<Declared> of(OpenApiSpec spec) {
        List<Declared> declared = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.node("/paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(operation -> operation.getValue().path("responses").fields()
                    .forEachRemaining(response -> {
                        if (!response.getKey().matches("[45]\\d\\d")) {
                            return;
                        }
                        String pointer = spec.resolve("/paths/" + JsonPointers.escape(path.getKey()) + "/"
                                + operation.getKey() + "/responses/" + response.getKey());
                        spec.node(pointer).path("content").fieldNames().forEachRemaining(type -> declared.add(
                                new Declared(operation.getKey().toUpperCase() + " " + path.getKey() + " "
                                        + response.getKey(), Integer.parseInt(response.getKey()), type,
                                        pointer + "/content/" + JsonPointers.escape(type) + "/schema")));
                    }));
        }
        return declared;
    }

    /**
     * Holds the format to the spec's declared errors: each declared status written by {@link ApiProblemMapper}, with a
     * field and without, and each other mapper's answer.
     */
    public static void assertWrittenAsDeclared(String specFile, ErrorFormat format) {
        OpenApiSpec spec = SpecFile.load(specFile).spec();
        List<Declared> declared = of(spec);
        assertTrue(!declared.isEmpty(), specFile + " declares no error response");
        SchemaCatalog schemas = spec.schemas();
        Map<String, Supplier<Response>> answers = new LinkedHashMap<>();
        for (Declared error : declared) {
            answers.put(error.where(), () -> new ApiProblemMapper(format).toResponse(
                    new ApiProblem(error.status(), "Refused", "What was wrong with the request.", null)));
            answers.put(error.where() + " naming a field", () -> new ApiProblemMapper(format).toResponse(
                    new ApiProblem(error.status(), "Refused", "What was wrong with the url.", "url")));
        }
        answers.put("an unknown path", () -> new WebApplicationExceptionMapper(format).toResponse(new NotFoundException()));
        answers.put("an unsupported method", () -> new WebApplicationExceptionMapper(format).toResponse(
                new NotAllowedException(Response.status(405).header("Allow", "GET").build())));
        answers.put("an invalid query parameter", () -> new WebApplicationExceptionMapper(format).toResponse(
                new ParamException.QueryParamException(new IllegalArgumentException(), "limit", null)));
        answers.put("an unreadable body", () -> new JsonProcessingExceptionMapper(format).toResponse(
                ErrorResponses.unreadableBody()));
        answers.put("a failed store", () -> quietly(StoreExceptionMapper.class,
                () -> new StoreExceptionMapper(format).toResponse(new StoreException("disk full", null))));
        answers.put("a bug", () -> quietly(UnexpectedExceptionMapper.class,
                () -> new UnexpectedExceptionMapper(format).toResponse(new IllegalStateException("bug"))));
        answers.forEach((what, answer) -> {
            Response response = answer.get();
            // An undeclared status is in the format when one of the declared errors' schemas takes it; the letter
            // of a schema (its field names) binds only the statuses it is declared for.
            List<Declared> candidates = declared.stream().filter(d -> d.status() == response.getStatus()).toList();
            String body = ErrorResponses.body(response);
            List<String> problems = (candidates.isEmpty() ? declared : candidates).stream()
                    .map(error -> problems(spec, schemas, error, response, body, !candidates.isEmpty()))
                    .min((x, y) -> x.size() - y.size()).orElseThrow();
            assertEquals(List.of(), problems, what + ": " + body);
        });
        for (Declared error : declared) {
            assertEquals(error.status(), answers.get(error.where()).get().getStatus(), error.where());
        }
    }

    /** What keeps the answer from being this declared error: its media type, its schema's violations, its fields. */
    private static List<String> problems(OpenApiSpec spec, SchemaCatalog schemas, Declared error,
                                         Response response, String body, boolean toTheLetter) {
        List<String> problems = new ArrayList<>();
        String type = response.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (!error.mediaType().equals(type)) {
            problems.add(error.where() + ": Content-Type " + type + ", not " + error.mediaType());
        }
        schemas.at(error.schemaPointer()).validate(body, InputFormat.JSON)
                .forEach(violation -> problems.add(error.where() + ": " + violation));
        if (toTheLetter) {
            List<String> unnamed = new ArrayList<>();
            unnamed(spec, ErrorResponses.json(body), error.schemaPointer(), "", unnamed);
            unnamed.forEach(field -> problems.add(error.where() + ": " + field));
        }
        return problems;
    }

    /** Where the body has a field its schema does not name, or an empty object where the schema names fields. */
    private static void unnamed(OpenApiSpec spec, JsonNode body, String schema, String at, List<String> found) {
        String resolved = spec.resolve(schema);
        JsonNode properties = spec.node(resolved).path("properties");
        if (!body.isObject() || !properties.isObject()) {
            return;
        }
        if (body.isEmpty()) {
            found.add((at.isEmpty() ? "the body" : at) + " is empty");
        }
        body.fields().forEachRemaining(field -> {
            if (properties.has(field.getKey())) {
                unnamed(spec, field.getValue(), JsonPointers.append(resolved + "/properties", field.getKey()),
                        at + "/" + field.getKey(), found);
            } else {
                found.add(at + "/" + field.getKey() + " is not in the schema");
            }
        });
    }

    /** The mapper's answer, without what it logs on the console. */
    private static Response quietly(Class<?> mapper, Supplier<Response> answer) {
        Response[] answered = new Response[1];
        CapturedLog.during(mapper, () -> answered[0] = answer.get());
        return answered[0];
    }
}
