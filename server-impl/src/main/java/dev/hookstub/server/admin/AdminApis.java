package dev.hookstub.server.admin;

import dev.hookstub.server.api.StubApi;
import dev.hookstub.server.error.ApiProblem;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The APIs this stub serves, by id, as the admin API names them in its paths. */
final class AdminApis {

    /** A hash map, as ever: its order is the order of the names in the 404's message and of a reset. */
    private final Map<String, StubApi> apis = new HashMap<>();

    AdminApis(List<StubApi> apis) {
        apis.forEach(api -> this.apis.put(api.id(), api));
    }

    /** The API, or a 404 naming the ones there are: a stub may serve only some of them. */
    StubApi named(String api) {
        StubApi stubApi = apis.get(api);
        if (stubApi == null) {
            throw unknown(api);
        }
        return stubApi;
    }

    boolean serves(String api) {
        return apis.containsKey(api);
    }

    /** The 404 for a name this stub serves no API by. */
    ApiProblem unknown(String api) {
        return ApiProblem.notFound("No API named " + api + "; use one of " + String.join(", ", apis.keySet()) + ".");
    }

    Collection<StubApi> all() {
        return apis.values();
    }
}
