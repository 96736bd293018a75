package dev.hookstub.server.delivery;

import java.time.Duration;

/**
 * What one attempt came to: a status code (with the receiver's {@code Retry-After}, if any), or an error without
 * one, or the stub stopping under it.
 */
record AttemptOutcome(Integer code, String error, boolean stopped, boolean final_, Duration retryAfter) {

    static final AttemptOutcome STOPPED = new AttemptOutcome(null, null, true, false, null);

    static AttemptOutcome answered(int code, Duration retryAfter) {
        return new AttemptOutcome(code, code / 100 == 2 ? null : "HTTP " + code, false, false, retryAfter);
    }

    static AttemptOutcome failed(String error) {
        return new AttemptOutcome(null, error, false, false, null);
    }

    /** Not sent, and retrying cannot help. */
    static AttemptOutcome refusedLocally(String error) {
        return new AttemptOutcome(null, error, false, true, null);
    }
}
