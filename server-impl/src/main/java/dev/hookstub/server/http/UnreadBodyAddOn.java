package dev.hookstub.server.http;

import java.io.IOException;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * A body sent with a method that may not have one (TRACE) is not read by Grizzly: left on the connection, it would
 * be parsed as the next request (request smuggling). Such a connection is closed after its answer.
 */
public final class UnreadBodyAddOn implements AddOn {

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        builder.add(builder.indexOfType(HttpServerFilter.class) + 1, new CloseAfterAnswerFilter());
    }

    private static final class CloseAfterAnswerFilter extends BaseFilter {
        @Override
        public NextAction handleRead(FilterChainContext ctx) throws IOException {
            if (ctx.getMessage() instanceof HttpContent content
                    && content.getHttpHeader() instanceof HttpRequestPacket request
                    && request.getMethod().getPayloadExpectation() == Method.PayloadExpectation.NOT_ALLOWED
                    && (request.getContentLength() > 0 || request.isChunked())) {
                request.getProcessingState().setKeepAlive(false);
            }
            return ctx.getInvokeAction();
        }
    }
}
