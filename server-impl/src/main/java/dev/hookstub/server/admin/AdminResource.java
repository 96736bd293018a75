package dev.hookstub.server.admin;

import dev.hookstub.server.api.AdminRecords;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.server.api.StubApi;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.store.StoreException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Fills and inspects the stub's records: {@code /__admin/{api}/webhooks} and {@code /__admin/reset}. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class AdminResource {

    private final Map<String, StubApi> apis;
    /**
     * What else a reset forgets: the delivery log, whose webhooks the reset may have replaced; the request journal
     * and the fault rules; and the clock's settings, back to real time.
     */
    private final Runnable alsoOnReset;

    AdminResource(List<StubApi> apis, Runnable alsoOnReset) {
        this.apis = apis.stream().collect(Collectors.toMap(StubApi::id, Function.identity()));
        this.alsoOnReset = alsoOnReset;
    }

    @POST
    @Path("{api}/webhooks")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("api") String api, JsonNode fields) {
        if (fields == null || !fields.isObject()) {
            throw ApiProblem.invalid(400, null, "The body must be a JSON object of the record's fields.");
        }
        AdminRecords records = records(api);
        try {
            return Response.status(201).entity(records.create(fields)).build();
        } catch (ApiProblem | StoreException problem) {
            throw problem;
        } catch (RuntimeException e) {
            // A value the schema allows but the record cannot hold, e.g. a date-time Partoo's schema leaves untyped.
            throw ApiProblem.invalid(400, null, "The record has a value the stub cannot store (for example a "
                    + "date-time without an offset, or an id of the wrong shape).");
        }
    }

    @GET
    @Path("{api}/webhooks")
    public Response list(@PathParam("api") String api) {
        return Response.ok(records(api).list()).build();
    }

    @DELETE
    @Path("{api}/webhooks/{id}")
    public Response delete(@PathParam("api") String api, @PathParam("id") String id) {
        if (!records(api).delete(id)) {
            throw ApiProblem.notFound("No " + api + " webhook with id " + id + ".");
        }
        return Response.noContent().build();
    }

    @POST
    @Path("reset")
    public Response reset() {
        // The stores share one database, if any: one transaction through any of them spans them all, so every
        // instance on a shared database sees the old records or the fixtures, never a mix.
        apis.values().iterator().next().inTransaction(() -> {
            alsoOnReset.run();
            apis.values().forEach(StubApi::reset);
        });
        return Response.noContent().build();
    }

    private AdminRecords records(String api) {
        StubApi stubApi = apis.get(api);
        if (stubApi == null) {
            throw ApiProblem.notFound("No API named " + api + "; use one of " + String.join(", ", apis.keySet()) + ".");
        }
        return stubApi.adminRecords();
    }
}
