package dev.hookstub.server.error;

import java.util.Map;

/**
 * A failure that the client caused or must know about, answered in the error format of the API that raised it.
 * Resources and filters throw it; {@link ApiProblemMapper} renders it. Never carries internals.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;
    private final Map<String, String> headers;

    public ApiProblem(int status, String title, String detail, String field, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.field = field;
        this.headers = Map.copyOf(headers);
    }

    public ApiProblem(int status, String title, String detail, String field) {
        this(status, title, detail, field, Map.of());
    }

    /**
     * A 401 with its challenge: RFC 9110 §11.6.1 has a server that sends a 401 send {@code WWW-Authenticate}, saying
     * how to authenticate ({@code Bearer}).
     */
    public static ApiProblem unauthenticated(String detail, String challenge) {
        return new ApiProblem(401, "Unauthorized Request", detail, null, Map.of("WWW-Authenticate", challenge));
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "Forbidden", detail, null);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "Conflict", detail, "id");
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not Found", detail, null);
    }

    public static ApiProblem invalid(int status, String field, String detail) {
        return new ApiProblem(status, reasonPhrase(status), detail, field);
    }

    /** The standard reason phrase, including the ones JAX-RS's Status enum lacks. */
    public static String reasonPhrase(int status) {
        if (status == 422) {
            return "Unprocessable Entity";
        }
        jakarta.ws.rs.core.Response.Status known = jakarta.ws.rs.core.Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "Error";
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** The request field that caused the problem, or null. */
    public String field() {
        return field;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
