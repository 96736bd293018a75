package dev.hookstub.server.process;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** SIGTERM stops accepting, lets a request in flight finish, and exits within five seconds. */
class GracefulShutdownTest {

    @Test
    void aRequestInFlightWhenSigtermArrivesIsAnsweredAndTheProcessExitsWithin5Seconds() throws Exception {
        try (ChildProcessStub stub = ChildProcessStub.start()) {
            URI base = stub.awaitStarted();
            String body = "{\"url\": \"https://example.com/in-flight\", \"type\": \"invoice-paid\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /mijnklantportaal/v1/webhooks HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer mkp_test_key\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes, 0, 10);
                out.flush();
                Thread.sleep(300);

                long sigterm = System.nanoTime();
                stub.terminate();
                Thread.sleep(500);
                out.write(bytes, 10, bytes.length - 10);
                out.flush();

                String response = readAll(socket.getInputStream());
                assertTrue(response.startsWith("HTTP/1.1 201"), response);
                assertTrue(stub.awaitExit(5_000), "still running 5 s after SIGTERM");
                long exitedAfterMillis = (System.nanoTime() - sigterm) / 1_000_000;
                assertTrue(exitedAfterMillis < 5_000, exitedAfterMillis + " ms");
            }
            try (Socket refused = new Socket()) {
                refused.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()), 1_000);
                assertFalse(refused.isConnected() && refused.getInputStream().read() >= 0, "still accepting after exit");
            } catch (java.io.IOException expected) {
                // Connection refused: the port is closed.
            }
        }
    }

    private static String readAll(InputStream in) throws java.io.IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
