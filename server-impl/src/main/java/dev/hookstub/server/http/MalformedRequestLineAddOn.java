package dev.hookstub.server.http;

import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.operation.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.FastHttpDateFormat;
import org.glassfish.grizzly.memory.Buffers;

/**
 * Request lines Grizzly mishandles, answered with the 400 that RFC 9112 §3 calls for. A first line that is not
 * {@code method SP target SP version} ({@code GARBAGE}, a TLS hello, whitespace inside the target) Grizzly may wait on
 * until the idle timeout, or drop when the headers are broken too; when a connection's first read holds such a line,
 * it is answered at once, in the error format of the API its target names (if it names one), and the connection
 * closed. (A line Grizzly splits but cannot read, such as one with an extra token, it refuses itself with a 505,
 * which {@link FramingErrorCodec} makes this same 400.)
 */
public final class MalformedRequestLineAddOn implements AddOn {

    static final String DETAIL = "The request line is malformed: it must be a method, a target and the HTTP version, "
            + "separated by single spaces.";

    private static final Attribute<Boolean> FIRST_LINE_SEEN =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(MalformedRequestLineAddOn.class.getName() + ".seen");

    private final FrontDoor frontDoor;

    public MalformedRequestLineAddOn(FrontDoor frontDoor) {
        this.frontDoor = frontDoor;
    }

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        builder.add(builder.indexOfType(TransportFilter.class) + 1, new FirstLineFilter());
    }

    /** The refusal, in the format of the API whose context path the line's second word (if a path) falls under. */
    private byte[] refusal(String line) {
        String[] words = line.trim().split("[ \\t]+");
        String path = words.length > 1 && words[1].startsWith("/") ? words[1].split("\\?", 2)[0] : "";
        Answer answer = frontDoor.refusalAt(path, ApiProblem.invalid(400, null, DETAIL));
        // Written here as bytes, past the codec: the Date that every answer carries (DateAtCommit) is added here too.
        byte[] head = ("HTTP/1.1 400 " + answer.reason() + "\r\nDate: " + FastHttpDateFormat.getCurrentDate()
                + "\r\nContent-Type: " + answer.contentType()
                + "\r\nContent-Length: " + answer.body().length + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = Arrays.copyOf(head, head.length + answer.body().length);
        System.arraycopy(answer.body(), 0, bytes, head.length, answer.body().length);
        return bytes;
    }

    private final class FirstLineFilter extends BaseFilter {

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
            String line = buffer.toStringContent(StandardCharsets.ISO_8859_1, buffer.position(), end);
            ctx.write(Buffers.wrap(ctx.getMemoryManager(), refusal(line)), new CloseAfterWrite<>(connection));
            return ctx.getStopAction();
        }
    }
}
