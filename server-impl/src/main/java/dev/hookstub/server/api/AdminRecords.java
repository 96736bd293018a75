package dev.hookstub.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One API's records as the admin API sees them: JSON in the API's own schema plus the tenancy fields it needs
 * (MijnKlantportaal {@code tenant}; Equals Money {@code accountId}, Partoo {@code org_id} and Mollie
 * {@code mode}/{@code profileId} are already in their schemas).
 */
public interface AdminRecords {

    /** Stores a record from the given fields, filling in what the server owns (ids, secrets, timestamps). */
    JsonNode create(JsonNode fields);

    /**
     * Stores a fixture: as {@link #create}, refused for the same reasons, without the admin view of the record that
     * nobody reads (rendering it was a fifth of the stub's start-up).
     */
    default void seed(JsonNode fields) {
        create(fields);
    }

    /**
     * Stores the spec's own example record at a start: as {@link #seed}, but held to the schema later, by
     * {@link #checkExamples} (the build's tests hold the shipped specs' examples to their schemas).
     */
    void seedExample(JsonNode fields);

    /** Holds the example records seeded since the last call to the API's schema; a refusal names the first. */
    void checkExamples();

    List<JsonNode> list();

    boolean delete(String id);
}
