package dev.hookstub.server.proxy;

import java.io.IOException;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;

/**
 * Drops the interim answers an upstream may send before its answer ({@code 102 Processing}, {@code 103 Early
 * Hints}, a {@code 100 Continue} with headers): RFC 9110 §15.2 has a client take any 1xx it did not ask for and go
 * on reading. Grizzly's client codec knows only a bare {@code 100}: it took a 103's head for the answer's, waited for
 * a body that never ended, and the proxy answered 504. Placed between the transport and the codec, this reads the
 * first bytes after each request is written and passes on only those from the final answer's status line.
 * ({@code 101 Switching Protocols} is an answer, not an interim one; the proxy never asks for an upgrade.)
 */
final class InterimAnswers extends BaseFilter {

    /** Whether the bytes that come next on a connection begin an answer: set when a request is written. */
    private static final Attribute<Boolean> AT_ANSWER_START =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(InterimAnswers.class.getName() + ".atAnswerStart");
    /** "HTTP/1.1 103 ": enough to tell an interim answer from a final one. */
    private static final int STATUS_LINE_START = 13;

    @Override
    public NextAction handleWrite(FilterChainContext ctx) throws IOException {
        AT_ANSWER_START.set(ctx.getConnection(), Boolean.TRUE);
        return ctx.getInvokeAction();
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        Connection<?> connection = ctx.getConnection();
        if (!Boolean.TRUE.equals(AT_ANSWER_START.get(connection))) {
            return ctx.getInvokeAction();
        }
        Buffer input = ctx.getMessage();
        while (true) {
            if (input.remaining() < STATUS_LINE_START) {
                return ctx.getStopAction(input);
            }
            int at = input.position();
            if (!interim(input, at)) {
                AT_ANSWER_START.set(connection, Boolean.FALSE);
                // The codec reads a message from its start: what follows the interim answers, as a buffer of its own.
                ctx.setMessage(input);
                return ctx.getInvokeAction();
            }
            int end = headEnd(input, at);
            if (end < 0) {
                return ctx.getStopAction(input);
            }
            if (end == input.limit()) {
                input.tryDispose();
                return ctx.getStopAction();
            }
            Buffer rest = input.split(end);
            input.tryDispose();
            input = rest;
        }
    }

    /** A status line of 1xx other than 101: {@code HTTP/1.x 1dd }. */
    private static boolean interim(Buffer input, int at) {
        return input.get(at) == 'H' && input.get(at + 4) == '/' && input.get(at + 8) == ' '
                && input.get(at + 9) == '1' && Character.isDigit(input.get(at + 10))
                && Character.isDigit(input.get(at + 11))
                && !(input.get(at + 10) == '0' && input.get(at + 11) == '1');
    }

    /** Where the interim answer's head ends (after its empty line, CRLF or a lone LF), or -1 if not yet here. */
    private static int headEnd(Buffer input, int at) {
        int limit = input.limit();
        for (int i = at; i < limit; i++) {
            if (input.get(i) != '\n') {
                continue;
            }
            if (i + 1 < limit && input.get(i + 1) == '\n') {
                return i + 2;
            }
            if (i + 2 < limit && input.get(i + 1) == '\r' && input.get(i + 2) == '\n') {
                return i + 3;
            }
        }
        return -1;
    }
}
