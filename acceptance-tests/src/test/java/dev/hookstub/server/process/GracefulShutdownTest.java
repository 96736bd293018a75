package dev.hookstub.server.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM stops accepting at once, lets a request in flight finish with its whole answer, and exits within five
 * seconds. The request is held open across the start of the shutdown: its body is only completed once the stub is
 * seen refusing new connections, so the answer can only come from a server that is already shutting down.
 */
class GracefulShutdownTest {

    /** What SIGTERM may take, from the signal to the process's exit. */
    private static final long EXIT_WITHIN_MILLIS = 5_000;
    /** How long after SIGTERM the stub may still accept; well inside the server's 3 s grace period. */
    private static final long REFUSING_WITHIN_MILLIS = 1_500;

    @Test
    void aRequestInFlightWhenSigtermArrivesIsAnsweredInFullWhileNewConnectionsAreRefusedAndTheProcessExitsWithin5Seconds()
            throws Exception {
        try (ChildProcessStub stub = ChildProcessStub.start()) {
            URI base = stub.awaitStarted();
            InetSocketAddress address = new InetSocketAddress(base.getHost(), base.getPort());
            String body = "{\"url\": \"https://example.com/in-flight\", \"type\": \"invoice-paid\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket()) {
                socket.connect(address, 1_000);
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /mijnklantportaal/v1/webhooks HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer mkp_test_key\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes, 0, 10);
                out.flush();
                // Time for the stub to parse the head and start the request: only then is it in flight. A
                // connection whose head is still unread when SIGTERM comes is idle, and rightly closed. On a loaded
                // machine a freshly started JVM took more than 300 ms for that.
                Thread.sleep(1_000);

                long sigterm = System.nanoTime();
                stub.terminate();
                long refusedAfter = awaitRefused(address, sigterm);

                out.write(bytes, 10, bytes.length - 10);
                out.flush();
                String response;
                try {
                    response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException dropped) {
                    throw new AssertionError("the request in flight was dropped (refusing new connections "
                            + refusedAfter + " ms after SIGTERM): " + dropped, dropped);
                }
                assertAnsweredInFull(response);

                long left = EXIT_WITHIN_MILLIS - millisSince(sigterm);
                assertTrue(left > 0 && stub.awaitExit(left), "still running " + millisSince(sigterm) + " ms after SIGTERM");
                long exitedAfter = millisSince(sigterm);
                assertTrue(exitedAfter < EXIT_WITHIN_MILLIS, "exited " + exitedAfter + " ms after SIGTERM");
            }
        }
    }

    /**
     * Connects until the stub refuses, and returns how long after SIGTERM that was. A connection it still accepts
     * once {@link #REFUSING_WITHIN_MILLIS} have passed fails the test: a draining server takes no new work.
     */
    private static long awaitRefused(InetSocketAddress address, long sigterm) throws Exception {
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(address, 500);
            } catch (ConnectException refused) {
                return millisSince(sigterm);
            }
            long elapsed = millisSince(sigterm);
            if (elapsed >= REFUSING_WITHIN_MILLIS) {
                fail("still accepting new connections " + elapsed + " ms after SIGTERM, with a request in flight");
            }
            Thread.sleep(25);
        }
    }

    /** A 201 whose body is as long as its Content-Length says and is the record just created. */
    private static void assertAnsweredInFull(String response) throws IOException {
        assertTrue(!response.isEmpty(), "the request in flight got no answer: the connection was closed under it");
        assertTrue(response.startsWith("HTTP/1.1 201 "), "the request in flight was answered with: " + response);
        int end = response.indexOf("\r\n\r\n");
        assertTrue(end > 0, "no end of headers in: " + response);
        String contentLength = response.substring(0, end).lines()
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                .map(line -> line.substring(line.indexOf(':') + 1).strip())
                .findFirst().orElseThrow(() -> new AssertionError("no Content-Length in: " + response));
        byte[] answer = response.substring(end + 4).getBytes(StandardCharsets.UTF_8);
        assertEquals(Integer.parseInt(contentLength), answer.length, "body cut short: " + response);
        JsonNode created = new ObjectMapper().readTree(answer);
        assertEquals("https://example.com/in-flight", created.path("url").asText(), response);
        assertEquals("invoice-paid", created.path("type").asText(), response);
        assertTrue(created.path("id").asText().matches("wbh_[a-z0-9]{14}"), response);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
