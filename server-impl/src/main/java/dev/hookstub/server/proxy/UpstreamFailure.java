package dev.hookstub.server.proxy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;

/**
 * Why the upstream gave no answer, as the proxy answers it instead: {@code 504} when it did not answer in time,
 * {@code 502} naming the reason for anything else (it cannot be reached, its certificate is not trusted, it closed
 * or reset the connection).
 */
record UpstreamFailure(int status, String detail) {

    static UpstreamFailure of(Throwable failure, Upstream upstream) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String where = "The upstream " + upstream;
        if (cause instanceof ConnectTimeoutException) {
            return new UpstreamFailure(502, where + " cannot be reached: no connection within "
                    + millis(upstream) + ".");
        }
        if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException) {
            // An answer whose head came but whose body was still arriving is not one that never came.
            return new UpstreamFailure(504, where + (AnswerUnfinishedException.class.isInstance(cause)
                    ? " did not finish its answer within " : " did not answer within ") + millis(upstream) + ".");
        }
        if (cause instanceof ConnectException) {
            String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            return new UpstreamFailure(502, where + " cannot be reached: "
                    + (message.contains("refused") ? "connection refused" : reason(cause, "no connection")) + ".");
        }
        if (cause instanceof UnknownHostException) {
            return new UpstreamFailure(502, where + " cannot be reached: no such host " + reason(cause, "") + ".");
        }
        if (cause instanceof SSLException) {
            return new UpstreamFailure(502, where + " failed the TLS handshake: " + reason(cause, "no reason given")
                    + ".");
        }
        if (cause instanceof UnreadableAnswerException) {
            return new UpstreamFailure(502, where + " sent an answer that cannot be read: " + reason(cause, "not HTTP")
                    + ".");
        }
        if (cause instanceof AnswerCutShortException) {
            return new UpstreamFailure(502, where + " closed the connection in the middle of its answer, "
                    + reason(cause, "before its end") + ".");
        }
        if (cause instanceof IOException) {
            return new UpstreamFailure(502, where + " closed the connection without an answer: "
                    + reason(cause, "connection closed") + ".");
        }
        return new UpstreamFailure(502, where + " could not be asked: " + reason(cause, cause.getClass().getName())
                + ".");
    }

    private static String millis(Upstream upstream) {
        return upstream.timeout().toMillis() + " ms";
    }

    private static String reason(Throwable cause, String otherwise) {
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause.getCause() != null && cause.getCause().getMessage() != null
                    ? cause.getCause().getMessage() : otherwise;
        }
        return message.strip();
    }
}
