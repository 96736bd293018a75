package dev.hookstub.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.fault.ApiFaults;
import dev.hookstub.server.fault.FaultRule;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Each API's fault rules: {@code POST}/{@code GET}/{@code DELETE /{api}/faults} and {@code DELETE /{api}/faults/{id}}. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class FaultsResource {

    private final Map<String, ApiFaults> faults;

    FaultsResource(Map<String, ApiFaults> faults) {
        this.faults = Map.copyOf(faults);
    }

    @POST
    @Path("{api}/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("api") String api, JsonNode fields) {
        return Response.status(201).entity(of(api).add(fields).view()).build();
    }

    @GET
    @Path("{api}/faults")
    public Response list(@PathParam("api") String api) {
        return Response.ok(of(api).list().stream().map(FaultRule::view).toList()).build();
    }

    @DELETE
    @Path("{api}/faults/{id}")
    public Response delete(@PathParam("api") String api, @PathParam("id") String id) {
        if (!of(api).delete(id)) {
            throw ApiProblem.notFound("No " + api + " fault rule with id " + id + ".");
        }
        return Response.noContent().build();
    }

    @DELETE
    @Path("{api}/faults")
    public Response clear(@PathParam("api") String api) {
        of(api).clear();
        return Response.noContent().build();
    }

    private ApiFaults of(String api) {
        ApiFaults apiFaults = faults.get(api);
        if (apiFaults == null) {
            throw ApiProblem.notFound("No API named " + api + "; use one of " + String.join(", ", faults.keySet()) + ".");
        }
        return apiFaults;
    }
}
