package dev.hookstub.conformance.spec;

/**
 * Told of every response that was judged against an operation of a spec: e.g. a suite's coverage gate, which wants
 * to know which declared responses some test provoked.
 */
@FunctionalInterface
public interface ResponseObserver {

    ResponseObserver NONE = (spec, operationId, status, url) -> { };

    /** @param url the request URL (on the server that answered) */
    void observed(String spec, String operationId, int status, String url);
}
