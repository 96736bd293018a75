package dev.hookstub.server.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client that reads a large admin answer slowly holds up nobody else, and gets the whole answer. The admin API ran
 * on the threads that read every connection: a listing of several MB that its client did not drain parked one of
 * them in a blocking write, every connection it served waited (a health check took 18 s), and after the write
 * timeout the listing was cut off mid-body, its 200 already sent.
 */
class SlowReaderTest {

    /** The journal's default size: a listing of ~17 MB, more than the server queues for a client before it waits. */
    private static final int ENTRIES = 1000;

    @RegisterExtension
    static final HookstubExtension stub = HookstubExtension.with(Hookstub.defaultConfig());

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aListingNobodyReadsYetHoldsUpNoOtherRequestAndComesWhole() throws Exception {
        // Each journal entry keeps 8 KiB of its body, quotes escaped: about 17 KB of listing each.
        String body = "{\"url\":\"https://example.com/big\",\"type\":\"customer-created\",\"pad\":\""
                + "\\\"".repeat(6000) + "\"}";
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < ENTRIES; i++) {
            client.send(HttpRequest.newBuilder(stub.hookstub().baseUri().resolve("/mijnklantportaal/v1/webhooks"))
                    .header("Authorization", "Bearer mkp_test_key").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        }
        // More readers that do not read than the server has threads reading connections.
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < Runtime.getRuntime().availableProcessors() + 1; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), stub.hookstub().port());
                // A listing cut off without its connection closing fails the read instead of hanging the build.
                socket.setSoTimeout(15_000);
                socket.getOutputStream().write(("GET /__admin/mijnklantportaal/requests?limit=" + ENTRIES
                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer admin_test_key\r\nConnection: close"
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                stalled.add(socket);
            }
            Thread.sleep(1000);
            long started = System.nanoTime();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(stub.hookstub().baseUri()
                    .resolve("/health")).timeout(java.time.Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(200, health.statusCode());
            assertTrue(millis < 3000, "the health check waited " + millis + " ms behind listings nobody read");
            HttpResponse<String> read = client.send(HttpRequest.newBuilder(stub.hookstub().baseUri()
                    .resolve("/mijnklantportaal/v1/webhooks/wbh_abc12345def678")).header("Authorization",
                    "Bearer mkp_test_key").timeout(java.time.Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, read.statusCode(), read.body());

            long reading = System.nanoTime();
            for (Socket socket : stalled) {
                JsonNode listing = new ObjectMapper().readTree(chunkedBody(socket.getInputStream()));
                assertEquals(ENTRIES, listing.path("requests").size(), "the whole listing, every entry");
            }
            long readMillis = (System.nanoTime() - reading) / 1_000_000;
            // A few seconds of loopback reading at most; behind a parked thread each listing waited for the others'
            // write timeouts.
            assertTrue(readMillis < 20_000, "reading the listings took " + readMillis + " ms");
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    /** The body of a chunked answer read to its last chunk; fails if the connection ends before it. */
    private static byte[] chunkedBody(InputStream in) throws IOException {
        String head = line(in);
        assertTrue(head.startsWith("HTTP/1.1 200"), head);
        boolean chunked = false;
        long length = -1;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(java.util.Locale.ROOT);
            chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            }
        }
        if (!chunked) {
            byte[] body = in.readNBytes((int) length);
            assertEquals(length, body.length, "the body as long as its Content-Length");
            return body;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
            byte[] chunk = in.readNBytes(size);
            assertEquals(size, chunk.length, "a chunk cut short: the answer broke off mid-body");
            body.write(chunk);
            line(in);
        }
        return body.toByteArray();
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection ended mid-answer, after: " + line);
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
