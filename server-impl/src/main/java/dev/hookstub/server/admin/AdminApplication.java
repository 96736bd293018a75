package dev.hookstub.server.admin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import dev.hookstub.server.clock.StubClock;
import dev.hookstub.server.api.StubApi;
import dev.hookstub.server.error.MessageErrorFormat;
import dev.hookstub.server.delivery.DeliveryDispatcher;
import dev.hookstub.server.api.ApiResourceConfig;
import dev.hookstub.server.journal.RequestJournal;
import dev.hookstub.server.fault.ApiFaults;
import dev.hookstub.server.proxy.ProxyReport;
import java.util.List;
import dev.hookstub.server.store.SharedResets;
import java.util.Map;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The admin API's Jersey application, validated against its own spec ({@code /__admin/openapi.yaml}). Its routes are
 * the document's: each resource implements an interface generated from it (one per tag, {@code dev.hookstub.api.admin}).
 */
public final class AdminApplication {

    public static final String CONTEXT_PATH = "/__admin";

    private AdminApplication() {
    }

    public static ResourceConfig create(List<StubApi> apis, AdminDocument document, String adminToken,
                                        ObjectMapper mapper,
                                        DeliveryDispatcher deliveries, RequestJournal journal,
                                        Map<String, ApiFaults> faults, StubClock clock, SharedResets resets,
                                        ProxyReport report) {
        // What steers this instance; on a shared database another instance's reset forgets it too.
        Runnable steering = () -> {
            journal.clear();
            faults.values().forEach(ApiFaults::clear);
            clock.reset();
        };
        resets.listen(steering);
        AdminApis named = new AdminApis(apis);
        // An event's payload is any JSON, delivered as given: its decimals read as doubles lost digits (pi to 16),
        // trailing zeros (12.50) and, past a double's range, the number itself (1e400 sent as "Infinity").
        ObjectMapper exact = mapper.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        return ApiResourceConfig.create("admin", document.spec(), new MessageErrorFormat(), exact)
                .register(new AdminAuthFilter(adminToken))
                .register(new UnknownApiMapper(named, document.spec()))
                .register(new RecordsResource(named))
                .register(new ResetResource(named, () -> {
                    deliveries.reset();
                    steering.run();
                    resets.announce();
                }))
                .register(new EventsResource(deliveries, exact))
                .register(new DeliveriesResource(deliveries))
                .register(new RequestJournalResource(journal))
                .register(new FaultsResource(named, faults))
                .register(new ClockResource(clock))
                .register(new ProxyReportResource(report));
    }
}
