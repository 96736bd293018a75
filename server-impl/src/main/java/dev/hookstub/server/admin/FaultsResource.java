package dev.hookstub.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.api.admin.FaultsApi;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.fault.ApiFaults;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * Each API's fault rules ({@link FaultsApi}): the document has a path per API, each naming that API's operations,
 * and every one of them hands to the same implementation with the API's id. A rule's fields stay JSON: the
 * operations they may name are filled in from the API's spec at run time, and {@code FaultRuleReader} names the
 * field it refuses.
 */
public final class FaultsResource implements FaultsApi {

    private final AdminApis apis;
    private final Map<String, ApiFaults> faults;

    FaultsResource(AdminApis apis, Map<String, ApiFaults> faults) {
        this.apis = apis;
        this.faults = Map.copyOf(faults);
    }

    @Override
    public Response addMijnklantportaalFault(JsonNode fields) {
        return add("mijnklantportaal", fields);
    }

    @Override
    public Response listMijnklantportaalFaults() {
        return list("mijnklantportaal");
    }

    @Override
    public Response clearMijnklantportaalFaults() {
        return clear("mijnklantportaal");
    }

    @Override
    public Response addEqualsmoneyFault(JsonNode fields) {
        return add("equalsmoney", fields);
    }

    @Override
    public Response listEqualsmoneyFaults() {
        return list("equalsmoney");
    }

    @Override
    public Response clearEqualsmoneyFaults() {
        return clear("equalsmoney");
    }

    @Override
    public Response addPartooFault(JsonNode fields) {
        return add("partoo", fields);
    }

    @Override
    public Response listPartooFaults() {
        return list("partoo");
    }

    @Override
    public Response clearPartooFaults() {
        return clear("partoo");
    }

    @Override
    public Response addMollieFault(JsonNode fields) {
        return add("mollie", fields);
    }

    @Override
    public Response listMollieFaults() {
        return list("mollie");
    }

    @Override
    public Response clearMollieFaults() {
        return clear("mollie");
    }

    @Override
    public Response deleteFault(String api, String id) {
        if (!of(api).delete(id)) {
            throw ApiProblem.notFound("No " + api + " fault rule with id " + id + ".");
        }
        return Response.noContent().build();
    }

    private Response add(String api, JsonNode fields) {
        return Response.status(201).entity(FaultRuleView.of(of(api).add(fields))).build();
    }

    private Response list(String api) {
        return Response.ok(of(api).list().stream().map(FaultRuleView::of).toList()).build();
    }

    private Response clear(String api) {
        of(api).clear();
        return Response.noContent().build();
    }

    private ApiFaults of(String api) {
        ApiFaults apiFaults = faults.get(api);
        if (apiFaults == null) {
            throw apis.unknown(api);
        }
        return apiFaults;
    }
}
