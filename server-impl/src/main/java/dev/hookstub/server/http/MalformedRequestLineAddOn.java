package dev.hookstub.server.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.memory.Buffers;

/**
 * Request lines Grizzly mishandles, made into the 400 that RFC 9112 §3 calls for. Grizzly answers a request line it
 * cannot split into method, target and version (a space or tab inside the target, an extra token) with "505 HTTP
 * Version Not Supported"; the stub sends no 505 of its own, so every 505 leaving the connection is one of these, and
 * is rewritten on its way out. A first line that is not {@code method SP target SP version} ({@code GARBAGE}, a
 * TLS hello, whitespace inside the target) Grizzly may wait on until the idle timeout, or drop when the headers are
 * broken too; when a connection's first read holds such a line, it is answered at once and the connection closed.
 */
public final class MalformedRequestLineAddOn implements AddOn {

    private static final byte[] STATUS_505 = "HTTP/1.1 505 ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STATUS_400 = "HTTP/1.1 400 Bad Request".getBytes(StandardCharsets.US_ASCII);

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        builder.add(builder.indexOfType(TransportFilter.class) + 1, new RewriteFilter());
    }

    /** Bare, like the HTTP layer's other answers to broken syntax: a broken line names no API whose format to use. */
    private static final byte[] BAD_REQUEST = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final Attribute<Boolean> FIRST_LINE_SEEN =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(MalformedRequestLineAddOn.class.getName() + ".seen");

    private static final class RewriteFilter extends BaseFilter {

        @Override
        public NextAction handleRead(FilterChainContext ctx) throws IOException {
            Connection<?> connection = ctx.getConnection();
            if (FIRST_LINE_SEEN.isSet(connection) || !(ctx.getMessage() instanceof Buffer buffer)) {
                return ctx.getInvokeAction();
            }
            FIRST_LINE_SEEN.set(connection, Boolean.TRUE);
            int end = -1;
            int spaces = 0;
            boolean stray = false;
            for (int i = buffer.position(); i < buffer.limit(); i++) {
                byte b = buffer.get(i);
                if (b == '\n') {
                    end = i;
                    break;
                }
                spaces += b == ' ' ? 1 : 0;
                stray |= b == '\t' || b == '\r' && (i + 1 >= buffer.limit() || buffer.get(i + 1) != '\n');
            }
            // method SP target SP version: exactly two spaces, no tab, no CR before the line's end.
            if (end < 0 || spaces == 2 && !stray) {
                return ctx.getInvokeAction();
            }
            ctx.write(Buffers.wrap(ctx.getMemoryManager(), BAD_REQUEST), new EmptyCompletionHandler<>() {
                @Override
                public void completed(WriteResult result) {
                    connection.closeSilently();
                }

                @Override
                public void failed(Throwable error) {
                    connection.closeSilently();
                }
            });
            return ctx.getStopAction();
        }

        @Override
        public NextAction handleWrite(FilterChainContext ctx) throws IOException {
            if (ctx.getMessage() instanceof Buffer buffer && startsWith(buffer, STATUS_505)) {
                int start = buffer.position();
                int end = start;
                while (end < buffer.limit() && buffer.get(end) != '\r') {
                    end++;
                }
                byte[] rest = new byte[buffer.limit() - end];
                for (int i = 0; i < rest.length; i++) {
                    rest[i] = buffer.get(end + i);
                }
                byte[] rewritten = new byte[STATUS_400.length + rest.length];
                System.arraycopy(STATUS_400, 0, rewritten, 0, STATUS_400.length);
                System.arraycopy(rest, 0, rewritten, STATUS_400.length, rest.length);
                ctx.setMessage(Buffers.wrap(ctx.getMemoryManager(), rewritten));
            }
            return ctx.getInvokeAction();
        }

        private static boolean startsWith(Buffer buffer, byte[] prefix) {
            if (buffer.remaining() < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (buffer.get(buffer.position() + i) != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
