package dev.hookstub.conformance.support;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every (operation, status) a validated response of this JVM came back with, and from which server: the coverage
 * gate compares it with the responses each spec declares. Written by {@link SpecValidationFilter} and by the check
 * engine; read once, at the end of the run.
 *
 * <p>The server (scheme, host and port) is kept so that only responses of the server under test count: tests of the
 * suite's own machinery serve canned or deliberately broken responses from servers of their own.
 */
public final class ProvokedResponses {

    /** One response: {@code origin} is {@code http://host:port} of the server that answered. */
    public record Provoked(Api api, String operationId, int status, String origin) {
    }

    private static final Set<Provoked> RECORDED = ConcurrentHashMap.newKeySet();

    private ProvokedResponses() {
    }

    public static void record(Api api, String operationId, int status, String requestUrl) {
        RECORDED.add(new Provoked(api, operationId, status, originOf(requestUrl)));
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
