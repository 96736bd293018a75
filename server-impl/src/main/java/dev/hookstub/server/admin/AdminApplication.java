package dev.hookstub.server.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.core.StubApi;
import dev.hookstub.server.error.MessageErrorFormat;
import dev.hookstub.server.delivery.DeliveriesResource;
import dev.hookstub.server.delivery.DeliveryDispatcher;
import dev.hookstub.server.core.ApiResourceConfig;
import dev.hookstub.server.journal.JournalOptions;
import dev.hookstub.server.journal.RequestJournal;
import dev.hookstub.server.spec.SpecDocument;
import java.util.List;
import org.glassfish.jersey.server.ResourceConfig;

/** The admin API's Jersey application, validated against its own spec ({@code /__admin/openapi.yaml}). */
public final class AdminApplication {

    public static final String CONTEXT_PATH = "/__admin";

    private AdminApplication() {
    }

    public static ResourceConfig create(List<StubApi> apis, String adminToken, ObjectMapper mapper,
                                        DeliveryDispatcher deliveries) {
        return create(apis, adminToken, mapper, deliveries, new RequestJournal(new JournalOptions(0, false), List.of()));
    }

    public static ResourceConfig create(List<StubApi> apis, String adminToken, ObjectMapper mapper,
                                        DeliveryDispatcher deliveries, RequestJournal journal) {
        return ApiResourceConfig.create("admin", SpecDocument.load("admin.yaml"), new MessageErrorFormat(), mapper)
                .register(new AdminAuthFilter(adminToken))
                .register(new AdminResource(apis, () -> {
                    deliveries.reset();
                    journal.clear();
                }))
                .register(new DeliveriesResource(deliveries, mapper))
                .register(new RequestJournalResource(journal));
    }
}
