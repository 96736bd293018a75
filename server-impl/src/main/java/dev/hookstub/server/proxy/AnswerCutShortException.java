package dev.hookstub.server.proxy;

import java.io.IOException;

/** The upstream closed the connection after its answer's head and before the end of its body. */
final class AnswerCutShortException extends IOException {

    AnswerCutShortException(String detail) {
        super(detail);
    }

    AnswerCutShortException(IOException cause) {
        super(cause.getMessage(), cause);
    }

    /** {@code received} bytes of a body of {@code length} ({@code -1}: chunked). */
    static AnswerCutShortException after(long received, long length) {
        return new AnswerCutShortException(length < 0 ? "after " + received + " bytes of a chunked body"
                : "after " + received + " of its " + length + " bytes");
    }
}
