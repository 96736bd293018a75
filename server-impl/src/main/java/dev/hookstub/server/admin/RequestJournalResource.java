package dev.hookstub.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.journal.JournalEntry;
import dev.hookstub.server.journal.JournalQuery;
import dev.hookstub.server.journal.RequestJournal;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** The request journal: {@code /__admin/{api}/requests} lists and clears it, {@code .../count} verifies. */
@Path("{api}/requests")
@Produces(MediaType.APPLICATION_JSON)
public final class RequestJournalResource {

    private final RequestJournal journal;

    RequestJournalResource(RequestJournal journal) {
        this.journal = journal;
    }

    @GET
    public Response list(@PathParam("api") String api, @QueryParam("method") String method,
                         @QueryParam("pathTemplate") String pathTemplate, @QueryParam("status") Integer status,
                         @QueryParam("since") String since, @QueryParam("until") String until,
                         @QueryParam("limit") Integer limit) {
        List<JournalEntry> found = find(api, () -> JournalQuery.all().method(method).pathTemplate(pathTemplate)
                .status(status).since(since).until(until));
        List<JournalEntry> page = limit == null ? found : found.subList(0, Math.min(limit, found.size()));
        return Response.ok(Map.of("requests", page.stream().map(RequestJournalResource::json).toList(),
                "total", found.size())).build();
    }

    @DELETE
    public Response clear(@PathParam("api") String api) {
        known(api);
        journal.clear(api);
        return Response.noContent().build();
    }

    @POST
    @Path("count")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response count(@PathParam("api") String api, JsonNode fields) {
        if (fields == null || !fields.isObject()) {
            throw ApiProblem.invalid(400, null, "The body must be a JSON object of the fields to match.");
        }
        List<JournalEntry> found = find(api, () -> JournalQuery.all().method(text(fields, "method"))
                .pathTemplate(text(fields, "pathTemplate"))
                .status(fields.hasNonNull("status") ? fields.get("status").asInt() : null)
                .body(text(fields, "bodyPointer"), fields.has("bodyEquals"), fields.get("bodyEquals")));
        return Response.ok(Map.of("count", found.size())).build();
    }

    private List<JournalEntry> find(String api, java.util.function.Supplier<JournalQuery> query) {
        known(api);
        try {
            return journal.find(api, query.get());
        } catch (JournalQuery.Invalid invalid) {
            throw ApiProblem.invalid(400, invalid.field(), invalid.getMessage());
        }
    }

    private void known(String api) {
        if (!journal.knows(api)) {
            throw ApiProblem.notFound("No API named " + api + ".");
        }
    }

    private static String text(JsonNode fields, String name) {
        return fields.hasNonNull(name) ? fields.get(name).asText() : null;
    }

    /**
     * Formatted here, at listing time, so that recording stays cheap. A JSON tree, because the spec writes every
     * field, null ones too, and the admin API's mapper leaves nulls out of maps.
     */
    private static ObjectNode json(JournalEntry entry) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", entry.id());
        json.put("api", entry.api());
        json.put("receivedAt", entry.receivedAt().toString());
        json.put("method", entry.method());
        json.put("path", entry.path());
        json.put("query", entry.query());
        json.put("pathTemplate", entry.pathTemplate());
        ObjectNode headers = json.putObject("headers");
        entry.headerMap().forEach((name, values) -> values.forEach(headers.putArray(name)::add));
        json.put("body", entry.bodyText());
        json.put("bodyTruncated", entry.bodyTruncated());
        json.put("status", entry.status());
        json.put("durationMs", entry.durationMs());
        json.put("refusal", entry.refusal());
        if (entry.violations() == null) {
            json.putNull("violations");
        } else {
            ArrayNode violations = json.putArray("violations");
            entry.violations().forEach(violation -> violations.addObject().put("in", violation.in())
                    .put("check", violation.check()).put("pointer", violation.pointer())
                    .put("reason", violation.reason()));
        }
        return json;
    }
}
