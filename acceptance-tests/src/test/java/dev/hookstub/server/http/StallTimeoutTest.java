package dev.hookstub.server.http;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.junit.Hookstub;
import dev.hookstub.server.http.FramingErrorsTest.Answer;
import dev.hookstub.server.http.FramingErrorsTest.Shape;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client that stalls mid-request is cut off after the stall timeout (10 s; 1 s here, RequestLimits) with a 408 in
 * the API's format, whether it stalls in the head or in the body, and the connection is closed right after the
 * answer (RFC 9112 §9.6: a server that sends close must close). Before, a partial head was dropped without an answer
 * after the keep-alive idle timeout (30 s), and a stalled body's 408 left the connection open as long again.
 */
class StallTimeoutTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STALL = Duration.ofSeconds(1);
    /** The stall timeout, and slack for a loaded build machine; far below the 30 s of the idle timeout. */
    private static final long CUT_OFF_MILLIS = STALL.toMillis() + 2500;

    private static Hookstub stub;

    @BeforeAll
    static void startWithAShortStallTimeout() {
        RequestLimits.stallTimeoutForTests(STALL);
        try {
            stub = Hookstub.start(Hookstub.defaultConfig());
        } finally {
            RequestLimits.stallTimeoutForTests(null);
        }
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @Test
    void aPartialHeadIsAnswered408AndTheConnectionClosed() throws IOException {
        long started = System.nanoTime();
        Answer answer = FramingErrorsTest.exchange(stub.port(), "GET /partoo/v2/webhooks/1 HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nX-Slow: ");
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertAll(() -> assertTrue(!answer.text().isEmpty(), "no answer after " + millis + " ms"),
                () -> assertEquals(408, answer.status(), answer.text()),
                () -> assertEquals(Shape.PARTOO.type, answer.header("Content-Type"), answer.text()),
                () -> assertEquals("The request's head did not arrive in full.",
                        JSON.readTree(answer.body()).at(Shape.PARTOO.pointer).asText(), answer.text()),
                () -> assertEquals("close", answer.header("Connection"), answer.text()),
                () -> assertTrue(answer.closed() && millis < CUT_OFF_MILLIS, "closed: " + answer.closed()
                        + " after " + millis + " ms"));
    }

    @Test
    void aStalledBodyIsAnswered408AndTheConnectionClosedAtOnce() throws IOException {
        long started = System.nanoTime();
        Answer answer = FramingErrorsTest.exchange(stub.port(), "POST /mijnklantportaal/v1/webhooks HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nAuthorization: Bearer mkp_test_key\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100\r\n\r\n{\"url\":\"https://exa");
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertAll(() -> assertEquals(408, answer.status(), answer.text()),
                () -> assertEquals("close", answer.header("Connection"), answer.text()),
                () -> assertTrue(answer.closed() && millis < CUT_OFF_MILLIS, "closed: " + answer.closed()
                        + " after " + millis + " ms"));
    }
}
