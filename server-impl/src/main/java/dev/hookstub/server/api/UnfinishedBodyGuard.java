package dev.hookstub.server.api;

import jakarta.inject.Provider;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import org.glassfish.grizzly.http.server.Request;

/**
 * A body that could not be written in full must not reach the client as if it were whole. When a write fails
 * midway (a client that stops reading past the write timeout, a connection reset), Jersey lets the response end
 * normally, and the JSON generator even closes its open arrays: the client would get a 200 with a chunked body
 * that ends properly but holds only part of the list. Cutting the connection instead, without the last chunk,
 * makes every HTTP client report the answer as incomplete.
 */
public final class UnfinishedBodyGuard implements WriterInterceptor {

    @Context
    private Provider<Request> request;

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException, WebApplicationException {
        try {
            context.proceed();
        } catch (IOException e) {
            request.get().getContext().getConnection().terminateWithReason(e);
            throw e;
        }
    }
}
