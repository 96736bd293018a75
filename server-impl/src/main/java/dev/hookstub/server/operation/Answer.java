package dev.hookstub.server.operation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.error.ErrorFormat;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an operation answers, rendered to the bytes Jersey or the fast path writes: status, reason phrase (null: the status's
 * usual one), Content-Type, headers and body. Neither adds anything of its own to it.
 */
public record Answer(int status, String reason, String contentType, Map<String, String> headers, byte[] body) {

    public Answer {
        headers = Map.copyOf(headers);
    }

    /** A success with a serialised body. */
    public static Answer of(int status, String contentType, byte[] body) {
        return new Answer(status, null, contentType, Map.of(), body);
    }

    /** This answer with one more header. */
    public Answer withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Answer(status, reason, contentType, more, body);
    }

    /**
     * A refusal in the API's error format, as every exception mapper of the Jersey applications renders it: the
     * problem's status with a reason phrase of our own (Grizzly knows none for 422), its headers, the format's body.
     */
    public static Answer refusal(ErrorFormat format, ApiProblem problem, ObjectMapper mapper) {
        return new Answer(problem.status(), ApiProblem.reasonPhrase(problem.status()), format.mediaType().toString(),
                problem.headers(), json(mapper, format.body(problem)));
    }

    public static byte[] json(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
