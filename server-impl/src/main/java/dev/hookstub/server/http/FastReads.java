package dev.hookstub.server.http;

import java.io.IOException;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * One API's fast read path: a GET that certainly succeeds (valid credential, parameters the spec accepts, a record
 * the caller may see) is answered straight from the store, with the same status, headers and bytes the Jersey
 * resource would send. Anything else, every error included, is left to the Jersey application, so error formats,
 * auth and validation have one implementation.
 */
public interface FastReads {

    /** Answers the request and returns true, or touches nothing and returns false. */
    boolean tryServe(Request request, Response response) throws IOException;
}
