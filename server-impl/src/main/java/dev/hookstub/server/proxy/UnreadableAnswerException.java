package dev.hookstub.server.proxy;

import java.io.IOException;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpResponsePacket;

/** The upstream's answer is not HTTP as the proxy reads it; the message says what is wrong, in words. */
final class UnreadableAnswerException extends IOException {

    UnreadableAnswerException(String reason) {
        super(reason);
    }

    /**
     * What is wrong with an answer Grizzly's codec refused: it says so with an exception's name or in its own terms
     * ("NumberFormatException", "Invalid byte representing a hex value within a chunk length encountered : 122").
     *
     * @param inHead whether the codec was reading the head (else the body)
     */
    static UnreadableAnswerException of(HttpHeader head, boolean inHead, Throwable cause, int maxHeadBytes) {
        String message = cause.getMessage() == null ? "" : cause.getMessage().strip();
        if (!inHead) {
            return new UnreadableAnswerException(head.isChunked() ? "its chunked encoding is malformed"
                    : message.isEmpty() ? "its body is malformed" : message);
        }
        if (message.contains("too large")) {
            return new UnreadableAnswerException("its head is larger than " + maxHeadBytes / 1024 + " KiB");
        }
        if (cause instanceof NumberFormatException) {
            // The codec reads two numbers in a head: the status, then the Content-Length. A status line read to its
            // reason phrase was whole.
            boolean statusRead = head instanceof HttpResponsePacket response
                    && response.getProtocolString().startsWith("HTTP/") && response.getReasonPhraseDC().getLength() > 0;
            return new UnreadableAnswerException(statusRead ? "its Content-Length is not a number"
                    : "its status line is not an HTTP version and a status");
        }
        return new UnreadableAnswerException(message.isEmpty() ? "its head is not HTTP" : message);
    }
}
