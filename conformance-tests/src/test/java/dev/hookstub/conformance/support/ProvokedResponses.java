package dev.hookstub.conformance.support;

import dev.hookstub.conformance.spec.ResponseObserver;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every (operation, status) a validated response of this JVM came back with, and from which server: the coverage
 * gate compares it with the responses each spec declares. Told by the suite's {@link
 * dev.hookstub.conformance.spec.SpecValidationFilter}s and check runs (it is their {@link ResponseObserver}); read
 * once, at the end of the run.
 *
 * <p>The server (scheme, host and port) is kept so that only responses of the server under test count: tests of the
 * suite's own machinery serve canned or deliberately broken responses from servers of their own.
 */
public final class ProvokedResponses {

    /** One response: {@code origin} is {@code http://host:port} of the server that answered. */
    public record Provoked(String spec, String operationId, int status, String origin) {
    }

    private static final Set<Provoked> RECORDED = ConcurrentHashMap.newKeySet();

    /** The observer that records into this JVM's set. */
    public static final ResponseObserver OBSERVER = ProvokedResponses::record;

    private ProvokedResponses() {
    }

    public static void record(String spec, String operationId, int status, String requestUrl) {
        RECORDED.add(new Provoked(spec, operationId, status, originOf(requestUrl)));
    }

    public static Set<Provoked> all() {
        return Set.copyOf(RECORDED);
    }

    /** {@code http://127.0.0.1:8080} of any URL on that server. */
    public static String originOf(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
