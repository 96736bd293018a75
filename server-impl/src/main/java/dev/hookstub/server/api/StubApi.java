package dev.hookstub.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.server.config.ConfigException;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.server.spec.SpecFile;
import java.util.List;
import org.glassfish.jersey.server.ResourceConfig;

/** One provider's API as the stub serves it: its spec, its Jersey application, and its records. */
public interface StubApi {

    /** The API's name in URLs and configuration: mijnklantportaal, equalsmoney, partoo, mollie. */
    String id();

    /** The API's spec file, as the stub serves it. */
    SpecFile specFile();

    /** The API's spec as openapi-core reads it. */
    default OpenApiSpec spec() {
        return specFile().spec();
    }

    /** Where the API is mounted: {@code /<id>} plus the path of its spec's server URL. */
    default String contextPath() {
        return "/" + id() + spec().serverBasePath();
    }

    /** Where the stub serves the API's spec document as written: {@code /<id>/openapi.yaml} or {@code .json}. */
    default String documentPath() {
        String file = specFile().file();
        return "/" + id() + "/openapi" + file.substring(file.lastIndexOf('.'));
    }

    /** A new Jersey application serving this API; built once, by the server, off the start-up path. */
    ResourceConfig application();

    /** How this API writes errors, for refusals made before its application runs. */
    dev.hookstub.server.error.ErrorFormat errorFormat();

    /** The API's operations, each defined once, which both the Jersey resource and the fast path run. */
    dev.hookstub.server.operation.ApiOperations<?> operations();

    /** The spec's rules for requests, as Jersey and the fast path apply them. */
    dev.hookstub.server.validation.SpecRequestValidator validator();

    /** How the API's records are made, stored and served, after its spec's record schema. */
    dev.hookstub.server.record.RecordShape records();

    /** The records as the admin API creates, lists and deletes them. */
    dev.hookstub.server.api.AdminRecords adminRecords();

    /** How the API's events reach its webhooks, for {@code POST /__admin/{api}/events}. */
    dev.hookstub.server.delivery.WebhookDeliveries deliveries();

    /** The records this API starts with and is reset to: the fixture file's, else the spec's example record. */
    List<JsonNode> fixtures();

    /**
     * The stub's own fields a record needs that the API's answers do not carry, for a record {@code hookstub proxy
     * --record} writes from what the upstream answered a caller: MijnKlantportaal's tenant, from the caller's key.
     *
     * @param credential the caller's credential as the API's security scheme carries it (no {@code Bearer}), or null
     * @param seen       every credential the recorder has seen for this API, in order, this one included: of those
     *                   the stub does not know (a sandbox's), the first is taken for the stub's first key, the second
     *                   for its second, ...
     */
    default java.util.Map<String, String> recordedFields(String credential, List<String> seen) {
        return java.util.Map.of();
    }

    /** Where {@link #fixtures()} came from, for error messages. */
    String fixtureSource();

    /**
     * Runs the work so that what it changes in the records is seen all at once, by every instance sharing them
     * (a reset); with records in memory it just runs.
     */
    default void inTransaction(Runnable work) {
        work.run();
    }

    /** Drops every record. */
    void clearRecords();

    /**
     * Puts the fixtures back, dropping everything created since. Each fixture goes through the admin API's create
     * (as {@link AdminRecords#seed}), so it is filled in and validated against the API's schema exactly like a record
     * created at run time.
     */
    default void reset() {
        putBack(false);
    }

    /**
     * As {@link #reset}, at a start: the spec's own example record (when no fixture file names the records) is held
     * to the schema later, by {@link AdminRecords#checkExamples}, so that the first answer does not wait for the JSON
     * Schema library. A fixture file's records are checked at once: one that does not match ends the start.
     */
    default void resetAtStart() {
        putBack(fixturesAreTheSpecsExample());
    }

    /** Whether {@link #fixtures()} is the spec's example record rather than a fixture file's records. */
    boolean fixturesAreTheSpecsExample();

    private void putBack(boolean exampleCheckedLater) {
        clearRecords();
        List<JsonNode> records = fixtures();
        for (int i = 0; i < records.size(); i++) {
            try {
                if (!records.get(i).isObject()) {
                    throw ApiProblem.invalid(400, null, "a record must be a JSON object");
                }
                if (exampleCheckedLater) {
                    adminRecords().seedExample(records.get(i));
                } else {
                    adminRecords().seed(records.get(i));
                }
            } catch (ApiProblem problem) {
                throw new ConfigException((exampleCheckedLater ? id() + ": " + fixtureSource() : fixtureSource()
                        + ": " + placeInFile(records.get(i), i)) + (problem.field() == null ? ""
                        : ", field " + problem.field()) + ": " + problem.detail());
            }
        }
    }

    /**
     * Where a fixture file's record is: its place in the array, and its id when it has one. "record 3" alone read as
     * the record whose id is 3, which in Partoo's small integer ids is another record.
     */
    private static String placeInFile(JsonNode record, int index) {
        JsonNode id = record.path("id");
        return "record at index " + index + (id.isValueNode() && !id.isNull() ? " (id " + id + ")" : "");
    }

    /**
     * A read of the example record with the default test credentials, for the start-up banner and the class-data
     * archive's training run; never a secret other than the documented test defaults.
     */
    ExampleRequest exampleRequest();
}
