package dev.hookstub.server.http;

import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.io.OutputBuffer;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.util.FastHttpDateFormat;
import org.glassfish.grizzly.http.util.Header;

/**
 * Gives an answer its {@code Date} as Grizzly commits it: RFC 9110 §6.6.1 has an origin server with a clock send one
 * in every 2xx, 3xx and 4xx answer. Grizzly 4's HTTP codec means to add it, but by then the response's output buffer
 * has marked the headers written so far as the end of the head (what follows would be trailers, where {@code Date} may
 * not go), so the codec's addition was dropped without a word and no answer of the stub carried a date. An answer that
 * has one already, a forwarded upstream's, keeps it.
 */
final class DateAtCommit implements OutputBuffer.LifeCycleListener {

    private final HttpResponsePacket response;

    private DateAtCommit(HttpResponsePacket response) {
        this.response = response;
    }

    /** From now until the response is committed (the output buffer forgets it with the request). */
    static void stamp(Response response) {
        response.getOutputBuffer().registerLifeCycleListener(new DateAtCommit(response.getResponse()));
    }

    @Override
    public void onCommit() {
        if (!response.containsHeader(Header.Date)) {
            response.getHeaders().addValue(Header.Date).setBytes(FastHttpDateFormat.getCurrentDateBytes());
        }
    }
}
