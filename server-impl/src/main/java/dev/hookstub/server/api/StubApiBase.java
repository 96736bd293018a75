package dev.hookstub.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.server.delivery.WebhookDeliveries;
import dev.hookstub.server.error.ErrorFormat;
import dev.hookstub.server.operation.ApiOperations;
import dev.hookstub.server.record.RecordSchema;
import dev.hookstub.server.record.RecordShape;
import dev.hookstub.server.record.SpecRecord;
import dev.hookstub.server.spec.SpecExamples;
import dev.hookstub.server.spec.SpecFile;
import dev.hookstub.server.store.WebhookStore;
import dev.hookstub.server.validation.SpecRequestValidator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * What every API shares: its spec, error format and validator, its store and fixtures, its Jersey application (the
 * shared providers, the API's auth filter and resource), and the parts it builds from its own classes.
 */
public abstract class StubApiBase implements StubApi {

    /** The pieces an API assembles from its own package, besides its Jersey application. */
    private record Parts(Supplier<ResourceConfig> application, ApiOperations<?> operations,
                         AdminRecords adminRecords, WebhookDeliveries deliveries) {
    }

    private final String id;
    private final SpecFile spec;
    private final String examplePath;
    private final ApiContext context;
    private final ErrorFormat errors;
    private final SpecRequestValidator validator;
    /** How the API's records are made, stored and served: its spec's record schema and what the API declares. */
    protected final RecordShape records;
    protected final WebhookStore<SpecRecord> store;
    private Parts parts;

    /**
     * @param examplePath the path whose GET 200 answer is the API's record: its schema is the records', its example
     *                    the record the API starts with when no fixture file names its records
     * @param errors      how the API writes its refusals, Jersey's and the validator's alike
     * @param records     what the API declares of its records, given the spec's schema of them
     */
    protected StubApiBase(ApiContext context, String id, String specFile, String examplePath, ErrorFormat errors,
                          Function<RecordSchema, RecordShape> records) {
        this.id = id;
        this.spec = context.specs().load(specFile);
        this.examplePath = examplePath;
        this.context = context;
        this.errors = errors;
        this.validator = new SpecRequestValidator(spec.spec(), errors);
        this.records = records.apply(RecordSchema.ofRead(spec.spec(), examplePath));
        this.store = context.stores().of(id, this.records);
    }

    /**
     * Called once, at the end of the API's constructor; a store with nothing of its own gets the fixtures, once
     * across the instances that share it. The Jersey application is described, not built: it is built in the
     * background after the stub listens, so that start-up does not wait for Jersey; {@code resource} makes the
     * resource, the generated resource of the API's interface, handing every method to the answerer of
     * {@code operations}; one per application.
     */
    protected final void assemble(ApiOperations<?> operations, Function<JerseyAnswerer, Object> resource,
                                  AdminRecords adminRecords, WebhookDeliveries deliveries) {
        operations.requireEveryOperation(id);
        this.parts = new Parts(() -> ApiResourceConfig.create(id, validator, errors, context.mapper())
                .register(new ApiAuthFilter<>(operations.authentication()))
                .register(resource.apply(new JerseyAnswerer(operations))), operations, adminRecords, deliveries);
        store.seedOnce(this::resetAtStart);
    }

    @Override
    public final SpecRequestValidator validator() {
        return validator;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final SpecFile specFile() {
        return spec;
    }

    @Override
    public final ResourceConfig application() {
        return parts.application().get();
    }

    @Override
    public final ErrorFormat errorFormat() {
        return errors;
    }

    @Override
    public final ApiOperations<?> operations() {
        return parts.operations();
    }

    @Override
    public final RecordShape records() {
        return records;
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
        return context.fixtures().forApi(id)
                .orElseGet(() -> List.of(SpecExamples.response(spec.spec(), examplePath, "get", "200")));
    }

    @Override
    public final boolean fixturesAreTheSpecsExample() {
        return context.fixtures().forApi(id).isEmpty();
    }

    @Override
    public final String fixtureSource() {
        return context.fixtures().source(id).map(Object::toString).orElse(spec.file() + " (its example record)");
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
