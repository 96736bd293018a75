package dev.hookstub.server.replay;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.glassfish.grizzly.http.server.Response;

/**
 * One answer the Jersey application wrote, as it wrote it: status line, headers and body bytes, and the version of
 * the API's data it was written from.
 */
record Replay(long version, int status, String reason, List<Map.Entry<String, String>> headers, byte[] body) {

    void writeTo(Response response) throws IOException {
        response.setStatus(status, reason);
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase("Content-Type")) {
                response.setContentType(header.getValue());
            } else {
                response.addHeader(header.getKey(), header.getValue());
            }
        }
        response.setContentLength(body.length);
        if (body.length > 0) {
            response.getOutputStream().write(body);
        }
    }
}
