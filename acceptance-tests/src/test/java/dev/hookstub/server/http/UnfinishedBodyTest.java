package dev.hookstub.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.junit.Hookstub;
import dev.hookstub.server.StubServer;
import dev.hookstub.server.config.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that stops reading a large answer for longer than the write timeout is cut off, and the cut shows: the
 * chunked body never gets its last chunk, so the client knows the answer is incomplete. Before, the answer ended
 * as if whole (a 200, a last chunk, even the JSON array closed) with most records missing.
 */
@Timeout(120)
class UnfinishedBodyTest {

    private static final int RECORDS = 150_000;

    @TempDir
    Path fixtures;

    @Test
    void anAnswerCutOffMidwayNeverEndsAsIfItWereWhole() throws Exception {
        StringBuilder records = new StringBuilder("[");
        for (int i = 0; i < RECORDS; i++) {
            records.append(i == 0 ? "" : ",").append("{\"url\": \"https://example.com/h").append(i)
                    .append("\", \"webhookEventTypeName\": \"OrderCreated\", \"accountId\": \"ACC1\"}");
        }
        Files.writeString(fixtures.resolve("equalsmoney.json"), records.append("]"));
        try (Hookstub stub = Hookstub.start(Hookstub.defaultConfig()
                .withFixtures(Fixtures.read(fixtures, StubServer.API_IDS)));
             Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", stub.baseUri().getPort()));
            socket.getOutputStream().write(("GET /__admin/equalsmoney/webhooks HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer admin_test_key\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            in.readNBytes(4096);
            // Longer than the stub's write timeout (10 s), as a client stuck in a pause would.
            Thread.sleep(12_000);
            byte[] rest = readUntilClosed(in);

            String answer = new String(rest, StandardCharsets.ISO_8859_1);
            boolean lastChunk = answer.endsWith("\r\n0\r\n\r\n");
            assertFalse(lastChunk && !wholeList(answer), "the answer ended as if whole with records missing");
            if (lastChunk) {
                // The machine was fast enough to buffer all of it: then every record must be there.
                assertTrue(wholeList(answer));
            } else {
                assertTrue(rest.length < 60L * RECORDS, "cut off: " + rest.length + " bytes");
            }
        }
    }

    private static byte[] readUntilClosed(InputStream in) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (IOException reset) {
            // Cut off: what came before counts.
        }
        return all.toByteArray();
    }

    /** The chunk payloads of what follows the first 4 KiB end in a JSON array of every record. */
    private static boolean wholeList(String answer) {
        int lastRecord = answer.lastIndexOf("https://example.com/h");
        String tail = answer.substring(lastRecord);
        return tail.startsWith("https://example.com/h" + (RECORDS - 1) + "\"") && tail.contains("}]");
    }

    @Test
    void theListParsesWhenReadAtOnce() throws Exception {
        Files.writeString(fixtures.resolve("equalsmoney.json"), "[{\"url\": \"https://example.com/a\", "
                + "\"webhookEventTypeName\": \"OrderCreated\", \"accountId\": \"ACC1\"}]");
        try (Hookstub stub = Hookstub.start(Hookstub.defaultConfig()
                .withFixtures(Fixtures.read(fixtures, StubServer.API_IDS)))) {
            java.net.http.HttpResponse<String> listed = stub.adminHttp().get("/__admin/equalsmoney/webhooks");
            assertEquals(200, listed.statusCode());
            assertEquals(1, new ObjectMapper().readTree(listed.body()).size(), listed.body());
        }
    }
}
