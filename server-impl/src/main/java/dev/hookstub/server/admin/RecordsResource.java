package dev.hookstub.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.api.admin.RecordsApi;
import dev.hookstub.server.api.AdminRecords;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.store.StoreException;
import jakarta.ws.rs.core.Response;

/**
 * Fills and inspects the stub's records ({@link RecordsApi}): the document has a path per API, each with that API's
 * fields, and every one of them hands to the same implementation with the API's id.
 */
public final class RecordsResource implements RecordsApi {

    private final AdminApis apis;

    RecordsResource(AdminApis apis) {
        this.apis = apis;
    }

    @Override
    public Response listMijnklantportaalRecords() {
        return list("mijnklantportaal");
    }

    @Override
    public Response createMijnklantportaalRecord(JsonNode fields) {
        return create("mijnklantportaal", fields);
    }

    @Override
    public Response listEqualsmoneyRecords() {
        return list("equalsmoney");
    }

    @Override
    public Response createEqualsmoneyRecord(JsonNode fields) {
        return create("equalsmoney", fields);
    }

    @Override
    public Response listPartooRecords() {
        return list("partoo");
    }

    @Override
    public Response createPartooRecord(JsonNode fields) {
        return create("partoo", fields);
    }

    @Override
    public Response listMollieRecords() {
        return list("mollie");
    }

    @Override
    public Response createMollieRecord(JsonNode fields) {
        return create("mollie", fields);
    }

    @Override
    public Response deleteRecord(String api, String id) {
        if (!records(api).delete(id)) {
            throw ApiProblem.notFound("No " + api + " webhook with id " + id + ".");
        }
        return Response.noContent().build();
    }

    private Response create(String api, JsonNode fields) {
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

    private Response list(String api) {
        return Response.ok(records(api).list()).build();
    }

    private AdminRecords records(String api) {
        return apis.named(api).adminRecords();
    }
}
