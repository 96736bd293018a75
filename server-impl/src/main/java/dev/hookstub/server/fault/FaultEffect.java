package dev.hookstub.server.fault;

import dev.hookstub.server.error.ApiProblem;
import java.util.Map;
import java.util.random.RandomGenerator;

/** What a fault rule does to a request it matches: delay it, answer a status instead, or break the connection. */
public sealed interface FaultEffect {

    /** The longest delay a rule may ask for, or a lognormal draw may come to: a client test has timeouts too. */
    long MAX_DELAY_MS = 60_000;

    /** Waits, then lets the request go on as if there were no rule. */
    sealed interface Delay extends FaultEffect {

        long millis(RandomGenerator random);
    }

    record FixedDelay(long fixedMs) implements Delay {

        @Override
        public long millis(RandomGenerator random) {
            return fixedMs;
        }
    }

    /** WireMock's lognormal delay: the median times e to the power of sigma times a standard normal draw. */
    record LognormalDelay(double medianMs, double sigma) implements Delay {

        @Override
        public long millis(RandomGenerator random) {
            double drawn = medianMs * Math.exp(sigma * random.nextGaussian());
            return Math.min(MAX_DELAY_MS, Math.round(drawn));
        }
    }

    /** Answers this status in the API's own error format, with these headers, instead of serving the request. */
    record Status(int status, Map<String, String> headers, String message) implements FaultEffect {

        public Status {
            headers = Map.copyOf(headers);
        }

        public ApiProblem problem() {
            String title = ApiProblem.reasonPhrase(status);
            return new ApiProblem(status, title, message == null ? title : message, null, headers);
        }
    }

    /** Breaks the exchange at the connection level, as WireMock's faults of the same names do. */
    record Failure(Kind kind) implements FaultEffect {

        public enum Kind {
            /** The connection is closed with a TCP reset: the client's read fails with "connection reset". */
            CONNECTION_RESET_BY_PEER,
            /** The connection is closed before a byte of the answer is written. */
            EMPTY_RESPONSE,
            /** A {@code 200} status line and chunked headers, then bytes that are no chunk, then the close. */
            MALFORMED_RESPONSE_CHUNK
        }
    }
}
