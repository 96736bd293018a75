package dev.hookstub.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.error.ApiProblemMapper;
import dev.hookstub.server.error.ErrorFormat;
import dev.hookstub.server.journal.RequestNotes;
import dev.hookstub.server.operation.Answer;
import java.io.IOException;
import org.glassfish.grizzly.http.server.Response;

/** Writes an {@link Answer} on Grizzly, for whatever answers before or instead of a Jersey application. */
public final class GrizzlyAnswers {

    private GrizzlyAnswers() {
    }

    public static void write(Response response, Answer answer) throws IOException {
        if (answer.reason() == null) {
            response.setStatus(answer.status());
        } else {
            response.setStatus(answer.status(), answer.reason());
        }
        answer.headers().forEach(response::setHeader);
        response.setContentType(answer.contentType());
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    /** Writes a refusal exactly as the Jersey applications' exception mappers do, noting why for the journal. */
    public static void refuse(Response response, ErrorFormat format, ApiProblem problem, ObjectMapper mapper)
            throws IOException {
        RequestNotes.refusal(response.getRequest(), ApiProblemMapper.reason(problem));
        write(response, Answer.refusal(format, problem, mapper));
    }
}
