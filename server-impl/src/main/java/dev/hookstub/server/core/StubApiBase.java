package dev.hookstub.server.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.server.config.Fixtures;
import dev.hookstub.server.delivery.WebhookDeliveries;
import dev.hookstub.server.error.ErrorFormat;
import dev.hookstub.server.http.FastReads;
import dev.hookstub.server.spec.SpecDocument;
import dev.hookstub.server.spec.SpecExamples;
import dev.hookstub.server.store.StoredRecord;
import dev.hookstub.server.store.WebhookStore;
import java.util.List;
import java.util.function.Supplier;
import org.glassfish.jersey.server.ResourceConfig;

/** What every API shares: its spec, its store and fixtures, and the parts it builds from its own classes. */
public abstract class StubApiBase<R extends StoredRecord> implements StubApi {

    /**
     * The pieces an API assembles from its own package. The Jersey application is described, not built: it is
     * built in the background after the stub listens, so that start-up does not wait for Jersey.
     */
    public record Parts(ErrorFormat errors, Supplier<ResourceConfig> application, FastReads fastReads,
                           AdminRecords adminRecords, WebhookDeliveries deliveries) {
    }

    private final String id;
    private final SpecDocument spec;
    private final String examplePath;
    private final Fixtures fixtures;
    protected final WebhookStore<R> store;
    private Parts parts;

    /**
     * @param examplePath the path whose GET 200 example is the record the API starts with when no fixture file
     *                    names its records
     */
    protected StubApiBase(String id, String specFile, String examplePath, WebhookStore<R> store, Fixtures fixtures) {
        this.id = id;
        this.spec = SpecDocument.load(specFile);
        this.examplePath = examplePath;
        this.store = store;
        this.fixtures = fixtures;
    }

    /**
     * Called once, at the end of the API's constructor; a store with nothing of its own gets the fixtures, once
     * across the instances that share it.
     */
    protected final void assemble(Parts assembled) {
        this.parts = assembled;
        store.seedOnce(this::reset);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final SpecDocument spec() {
        return spec;
    }

    @Override
    public final ResourceConfig application() {
        return parts.application().get();
    }

    @Override
    public final ErrorFormat errorFormat() {
        return parts.errors();
    }

    @Override
    public final FastReads fastReads() {
        return parts.fastReads();
    }

    @Override
    public final AdminRecords adminRecords() {
        return parts.adminRecords();
    }

    @Override
    public final WebhookDeliveries deliveries() {
        return parts.deliveries();
    }

    @Override
    public final List<JsonNode> fixtures() {
        return fixtures.forApi(id).orElseGet(() -> List.of(SpecExamples.response(spec, examplePath, "get", "200")));
    }

    @Override
    public final String fixtureSource() {
        return fixtures.source(id).map(Object::toString).orElse(spec.file() + " (its example record)");
    }

    @Override
    public final void inTransaction(Runnable work) {
        store.inTransaction(work);
    }

    @Override
    public void clearRecords() {
        store.replaceAll(List.of());
    }
}
