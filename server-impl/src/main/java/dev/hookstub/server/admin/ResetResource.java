package dev.hookstub.server.admin;

import dev.hookstub.api.admin.ResetApi;
import dev.hookstub.server.api.StubApi;
import jakarta.ws.rs.core.Response;

/** {@code POST /reset} ({@link ResetApi}): every API back to its fixtures, and the steering forgotten. */
public final class ResetResource implements ResetApi {

    private final AdminApis apis;
    /**
     * What else a reset forgets: the delivery log, whose webhooks the reset may have replaced; the request journal
     * and the fault rules; and the clock's settings, back to real time.
     */
    private final Runnable alsoOnReset;

    ResetResource(AdminApis apis, Runnable alsoOnReset) {
        this.apis = apis;
        this.alsoOnReset = alsoOnReset;
    }

    @Override
    public Response reset() {
        // The stores share one database, if any: one transaction through any of them spans them all, so every
        // instance on a shared database sees the old records or the fixtures, never a mix.
        apis.all().iterator().next().inTransaction(() -> {
            alsoOnReset.run();
            apis.all().forEach(StubApi::reset);
        });
        return Response.noContent().build();
    }
}
