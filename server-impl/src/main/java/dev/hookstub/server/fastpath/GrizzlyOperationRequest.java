package dev.hookstub.server.fastpath;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.error.ErrorFormat;
import dev.hookstub.server.error.JsonProcessingExceptionMapper;
import dev.hookstub.server.operation.OperationRequest;
import java.io.IOException;
import java.util.Map;
import org.glassfish.grizzly.http.server.Request;

/** A plain request as the fast path read it off the wire, for an operation. */
final class GrizzlyOperationRequest extends OperationRequest {

    private final Map<String, String> path;
    private final Map<String, String> query;
    private final byte[] body;
    private final ObjectMapper mapper;
    private final ErrorFormat errors;

    /** @param host the request's Host header, one a URL is built from */
    GrizzlyOperationRequest(Request request, String host, Map<String, String> path, Map<String, String> query,
                            byte[] body, ObjectMapper mapper, ErrorFormat errors) {
        super(request.getScheme(), host, request.getRequestURI(), request.getQueryString());
        this.path = path;
        this.query = query;
        this.body = body;
        this.mapper = mapper;
        this.errors = errors;
    }

    @Override
    public String path(String name) {
        return path.get(name);
    }

    @Override
    public String query(String name) {
        return query.get(name);
    }

    /** As the Jersey applications' JSON provider binds it; a body it cannot bind is their mapper's refusal. */
    @Override
    public <T> T body(Class<T> type) {
        try {
            return mapper.readValue(body, type);
        } catch (IOException unreadable) {
            throw JsonProcessingExceptionMapper.problem(errors);
        }
    }
}
