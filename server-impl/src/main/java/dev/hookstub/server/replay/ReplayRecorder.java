package dev.hookstub.server.replay;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.glassfish.grizzly.http.server.Request;

/**
 * The Jersey side of the replay carrier: copies what the application answers to a request the carrier is recording
 * (status, headers, body bytes as written). Its priority makes it the last response filter and the outermost writer
 * interceptor, so it sees the answer as it goes out.
 */
@jakarta.annotation.Priority(Integer.MIN_VALUE)
public final class ReplayRecorder implements ContainerResponseFilter, WriterInterceptor {

    /** Jersey buffers up to this much to send a Content-Length; a larger body goes chunked and is not kept. */
    static final int MAX_BODY = 8192;

    @Inject
    private Provider<Request> grizzlyRequest;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Recording recording = recording();
        if (recording == null) {
            return;
        }
        recording.head(response.getStatus(), response.getStatusInfo().getReasonPhrase(),
                headers(response.getStringHeaders()));
        if (!response.hasEntity()) {
            recording.complete(null, new byte[0]);
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        Recording recording = recording();
        if (recording == null) {
            context.proceed();
            return;
        }
        ByteArrayOutputStream copy = new ByteArrayOutputStream(512);
        OutputStream original = context.getOutputStream();
        context.setOutputStream(new FilterOutputStream(original) {
            @Override
            public void write(int b) throws IOException {
                original.write(b);
                copy.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                original.write(bytes, offset, length);
                copy.write(bytes, offset, length);
            }
        });
        context.proceed();
        if (copy.size() <= MAX_BODY) {
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            context.getHeaders().forEach((name, values) -> values.forEach(value ->
                    headers.add(Map.entry(name, String.valueOf(value)))));
            recording.complete(headers, copy.toByteArray());
        }
    }

    private Recording recording() {
        Request request = grizzlyRequest.get();
        return request == null ? null : (Recording) request.getAttribute(Recording.ATTRIBUTE);
    }

    private static List<Map.Entry<String, String>> headers(MultivaluedMap<String, String> headers) {
        List<Map.Entry<String, String>> copy = new ArrayList<>();
        headers.forEach((name, values) -> values.forEach(value -> copy.add(Map.entry(name, value))));
        return copy;
    }
}
