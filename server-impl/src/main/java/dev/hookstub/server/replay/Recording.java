package dev.hookstub.server.replay;

import java.util.List;
import java.util.Map;

/**
 * Rides on a Grizzly request that the replay carrier passed to Jersey: the Jersey application's
 * {@link ReplayRecorder} fills it in with what it writes, and hands it back to the carrier's cache when done.
 */
final class Recording {

    static final String ATTRIBUTE = Recording.class.getName();

    private final ReplayCarrier carrier;
    private final String key;
    private final long version;
    private int status;
    private String reason;
    private List<Map.Entry<String, String>> headers;

    Recording(ReplayCarrier carrier, String key, long version) {
        this.carrier = carrier;
        this.key = key;
        this.version = version;
    }

    void head(int newStatus, String newReason, List<Map.Entry<String, String>> newHeaders) {
        this.status = newStatus;
        this.reason = newReason;
        this.headers = newHeaders;
    }

    /** The answer is complete: keep it, unless its head was never seen or its body was too large to buffer. */
    void complete(List<Map.Entry<String, String>> finalHeaders, byte[] body) {
        if (reason == null && headers == null) {
            return;
        }
        carrier.keep(key, new Replay(version, status, reason, finalHeaders == null ? headers : finalHeaders, body));
    }
}
