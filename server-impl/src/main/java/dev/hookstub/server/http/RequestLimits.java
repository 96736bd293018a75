package dev.hookstub.server.http;

import dev.hookstub.server.error.ApiProblem;
import java.time.Duration;
import java.util.function.Function;

/**
 * Explicit bounds on what one request may carry, the same on every path: Grizzly refuses header blocks over
 * {@link #MAX_HEADER_BLOCK_BYTES}, the front door URLs and headers beyond theirs (for the health check, the spec
 * documents and what no route takes too), and the Jersey applications' limits filter and the fast path the body.
 */
public final class RequestLimits {

    public static final int MAX_URI_BYTES = 8 * 1024;
    public static final int MAX_HEADER_BYTES = 16 * 1024;
    public static final int MAX_HEADER_BLOCK_BYTES = 256 * 1024;
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** How long a request may go without a byte arriving, head or body, before it is cut off (a 408). */
    public static final Duration STALL_TIMEOUT = Duration.ofSeconds(10);

    /** {@link #STALL_TIMEOUT}, unless a test of the HTTP layer set a shorter one for the servers it starts. */
    private static volatile Duration stallTimeout = STALL_TIMEOUT;

    private RequestLimits() {
    }

    /** The stall timeout of a server started now: its listener's read and write timeout. */
    public static Duration stallTimeout() {
        return stallTimeout;
    }

    /** For tests of the HTTP layer, which should not wait 10 s for a stall: null restores the default. */
    static void stallTimeoutForTests(Duration timeout) {
        stallTimeout = timeout == null ? STALL_TIMEOUT : timeout;
    }

    /** Whether a request's headers (each name and value, plus four bytes) stay within {@link #MAX_HEADER_BYTES}. */
    public static boolean headersWithinLimit(Iterable<String> names, Function<String, ? extends Iterable<String>> values) {
        int bytes = 0;
        for (String name : names) {
            for (String value : values.apply(name)) {
                bytes += name.length() + value.length() + 4;
            }
        }
        return bytes <= MAX_HEADER_BYTES;
    }

    /** The refusal of a body beyond {@link #MAX_BODY_BYTES}. */
    public static ApiProblem bodyTooLarge() {
        return new ApiProblem(413, "Payload Too Large", "The request body is larger than " + MAX_BODY_BYTES + " bytes.", null);
    }

    /** The refusal of a body the read timeout cut off, or whose connection broke mid-body. */
    public static ApiProblem bodyIncomplete() {
        return new ApiProblem(408, "Request Timeout", "The request body did not arrive in full.", null);
    }
}
