package dev.hookstub.server;

import dev.hookstub.server.spec.SpecDocument;
import org.glassfish.jersey.server.ResourceConfig;

/** One provider's API as the stub serves it: its spec, its Jersey application, and its records. */
public interface StubApi {

    /** The API's name in URLs and configuration: mijnklantportaal, equalsmoney, partoo, mollie. */
    String id();

    SpecDocument spec();

    /** Where the API is mounted: {@code /<id>} plus the path of its spec's server URL. */
    default String contextPath() {
        return "/" + id() + spec().serverBasePath();
    }

    ResourceConfig application();

    /** The records as the admin API creates, lists and deletes them. */
    dev.hookstub.server.admin.AdminRecords adminRecords();

    /** Puts the fixtures back, dropping everything created since. */
    void reset();

    /** How to call it, for the start-up banner; never prints a secret other than the documented test defaults. */
    String exampleRequest(String baseUrl);
}
