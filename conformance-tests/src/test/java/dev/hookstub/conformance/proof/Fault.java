package dev.hookstub.conformance.proof;

/**
 * One way to break a server, applied by {@link FaultInjectingProxy} to what passes through it: the request on its
 * way to the stub, the response on its way back, or both.
 */
interface Fault {

    /** What the fault does, for test names and messages. */
    String description();

    default ProxiedRequest onRequest(ProxiedRequest request) {
        return request;
    }

    default ProxiedResponse onResponse(ProxiedRequest request, ProxiedResponse response) {
        return response;
    }
}
