package dev.hookstub.server.error;

import static dev.hookstub.server.error.ErrorResponses.assertErrorResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.hookstub.server.store.StoreException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class StoreExceptionMapperTest {

    @Test
    void answersAFailedWriteWith503AndRetryAfterWithoutTheDatabasesMessage() {
        StoreException failure = new StoreException("Cannot write /var/hookstub/records.mv.db: disk full",
                new IOException("No space left on device"));
        List<LogRecord> logged = CapturedLog.during(StoreExceptionMapper.class, () -> {
            Response response = new StoreExceptionMapper(new MessageErrorFormat()).toResponse(failure);
            assertErrorResponse(response, 503, "application/json", """
                    {"message": "The stub could not store the change; nothing was changed. Try again."}
                    """);
            assertEquals("1", response.getHeaderString("Retry-After"));
        });
        assertEquals(1, logged.size());
        assertEquals(Level.SEVERE, logged.get(0).getLevel());
        assertEquals("Cannot write /var/hookstub/records.mv.db: disk full", logged.get(0).getMessage());
        assertSame(failure.getCause(), logged.get(0).getThrown());
    }
}
