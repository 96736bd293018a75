package dev.hookstub.server.error;

import static dev.hookstub.server.error.ErrorResponses.assertErrorResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class UnexpectedExceptionMapperTest {

    @Test
    void answersABugWith500WithoutItsMessageOrClassNameAndLogsItForUs() {
        IllegalStateException bug = new IllegalStateException("record map corrupt at dev.hookstub.server.Stores");
        List<LogRecord> logged = CapturedLog.during(UnexpectedExceptionMapper.class, () ->
                assertErrorResponse(new UnexpectedExceptionMapper(new MessageErrorFormat()).toResponse(bug),
                        500, "application/json", """
                        {"message": "The stub server failed to answer this request."}
                        """));
        assertEquals(1, logged.size());
        assertEquals(Level.SEVERE, logged.get(0).getLevel());
        assertSame(bug, logged.get(0).getThrown());
    }
}
