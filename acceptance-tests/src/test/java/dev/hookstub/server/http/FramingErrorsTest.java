package dev.hookstub.server.http;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.junit.Hookstub;
import dev.hookstub.junit.HookstubExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the HTTP layer refuses before any handler runs (broken framing, a header block too large, a broken request
 * line, TRACE, an odd Expect) is answered in the error format of the API the path names, with a detail that says
 * what is wrong, and the connection is closed: the bytes after a broken frame are not taken for a next request.
 * Before, each of these was a bare 400 (or 405, 417) with no body.
 */
class FramingErrorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final HookstubExtension stub = HookstubExtension.with(Hookstub.defaultConfig());

    /** The API's error shape: where its body puts the detail. */
    enum Shape {
        MESSAGE("application/json", "/message"),
        PARTOO("application/json", "/errors/json"),
        MOLLIE("application/hal+json", "/detail");

        final String type;
        final String pointer;

        Shape(String type, String pointer) {
            this.type = type;
            this.pointer = pointer;
        }
    }

    static Stream<Arguments> brokenRequests() {
        String mkp = "POST /mijnklantportaal/v1/webhooks HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer mkp_test_key\r\nContent-Type: application/json\r\n";
        return Stream.of(
                Arguments.of("Content-Length not a number", mkp + "Content-Length: abc\r\n\r\n{}",
                        400, Shape.MESSAGE, "The request's Content-Length is not a number."),
                Arguments.of("two Content-Lengths that differ",
                        "POST /partoo/v2/webhooks HTTP/1.1\r\nHost: 127.0.0.1\r\nx-APIKey: partoo_test_key\r\n"
                                + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
                        400, Shape.PARTOO, "The request's Content-Length headers disagree."),
                Arguments.of("broken chunk size",
                        "POST /mollie/v2/webhooks HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                                + "zz\r\n{}\r\n0\r\n\r\n",
                        400, Shape.MOLLIE, "The request body's chunked encoding is malformed."),
                Arguments.of("header block over 256 KiB",
                        "GET /equalsmoney/v2/webhooks/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(300_000)
                                + "\r\n\r\n",
                        431, Shape.MESSAGE, "The request's header block is larger than 256 KiB."),
                Arguments.of("over 100 header fields",
                        "GET /partoo/v2/webhooks/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "X-H: v\r\n".repeat(120) + "\r\n",
                        431, Shape.PARTOO, "The request has more than 100 header fields."),
                Arguments.of("HTTP/1.1 without Host",
                        "GET /partoo/v2/webhooks/1 HTTP/1.1\r\nx-APIKey: partoo_test_key\r\n\r\n",
                        400, Shape.PARTOO, "HTTP/1.1 requests must carry a Host header."),
                Arguments.of("GET with a body", "GET /mollie/v2/webhooks/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                + "Content-Length: 2\r\n\r\nab",
                        400, Shape.MOLLIE, "GET requests may not carry a body."),
                Arguments.of("request line with an extra word", "GET /partoo/v2/webhooks/1 HTTP/1.1 x\r\n"
                                + "Host: 127.0.0.1\r\n\r\n",
                        400, Shape.PARTOO, MalformedRequestLineAddOn.DETAIL),
                Arguments.of("request line with a tab", "GET\t/mollie/v2/webhooks/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                        400, Shape.MOLLIE, MalformedRequestLineAddOn.DETAIL),
                Arguments.of("request line that is no request line", "GARBAGE\r\n\r\n",
                        400, Shape.MESSAGE, MalformedRequestLineAddOn.DETAIL),
                Arguments.of("a version that is none (two digits)", "GET /partoo/v2/webhooks/1 HTTP/11.1\r\n"
                                + "Host: 127.0.0.1\r\n\r\n",
                        400, Shape.PARTOO, MalformedRequestLineAddOn.DETAIL),
                // RFC 9110 §15.6.6: a version the server does not speak is a 505, answered in one it does. Grizzly
                // served HTTP/2.0 as 1.1, a line saying HTTP/0.9 as a 0.9 request (which names no version), and
                // refused HTTP/3.0, a version it does not know, as a malformed line.
                Arguments.of("HTTP/2.0 in the request line", PARTOO_GET.replace("HTTP/1.1", "HTTP/2.0") + "\r\n",
                        505, Shape.PARTOO, "The stub speaks HTTP/1.1 and HTTP/1.0, not HTTP/2.0."),
                Arguments.of("HTTP/0.9 in the request line", PARTOO_GET.replace("HTTP/1.1", "HTTP/0.9") + "\r\n",
                        505, Shape.PARTOO, "The stub speaks HTTP/1.1 and HTTP/1.0, not HTTP/0.9."),
                Arguments.of("HTTP/3.0 in the request line", PARTOO_GET.replace("HTTP/1.1", "HTTP/3.0") + "\r\n",
                        505, Shape.PARTOO, "The stub speaks HTTP/1.1 and HTTP/1.0, not HTTP/3.0."),
                // The body held back, as a client that expects an answer first would: one sent along is simply read.
                // The same with the body sent along: Grizzly asked nothing then, and the record was created.
                Arguments.of("an Expect other than 100-continue, the body sent along", mkp
                                + "Expect: something-odd\r\nContent-Length: 54\r\n\r\n"
                                + "{\"url\":\"https://example.com/x\",\"type\":\"offer-created\"}",
                        417, Shape.MESSAGE, "The Expect header may only ask for 100-continue."),
                Arguments.of("an Expect other than 100-continue", mkp + "Expect: something-odd\r\n"
                                + "Content-Length: 2\r\n\r\n",
                        417, Shape.MESSAGE, "The Expect header may only ask for 100-continue."),
                // RFC 9112 §6.3: a body whose length the server cannot tell (chunked not last) is a 400, and the
                // connection closed; each body here is a request that would otherwise be answered as the next one.
                Arguments.of("Transfer-Encoding not ending in chunked", partoo("gzip") + SMUGGLED,
                        400, Shape.PARTOO, TRANSFER_ENCODING_NOT_CHUNKED),
                Arguments.of("Transfer-Encoding chunked then gzip", partoo("chunked, gzip") + SMUGGLED,
                        400, Shape.PARTOO, TRANSFER_ENCODING_NOT_CHUNKED),
                Arguments.of("two Transfer-Encodings, gzip last", partoo("chunked\r\nTransfer-Encoding: gzip")
                                + SMUGGLED, 400, Shape.PARTOO, TRANSFER_ENCODING_NOT_CHUNKED),
                Arguments.of("chunked applied twice", partoo("chunked, chunked") + "0\r\n\r\n" + SMUGGLED,
                        400, Shape.PARTOO, "The request's Transfer-Encoding applies chunked more than once."),
                // RFC 9112 §6.1: a transfer coding the server does not implement is a 501.
                Arguments.of("a transfer coding not implemented", partoo("gzip, chunked") + "0\r\n\r\n" + SMUGGLED,
                        501, Shape.PARTOO, "The request's transfer coding gzip is not implemented: only chunked is."),
                Arguments.of("header line without a colon", PARTOO_GET + "BadHeader\r\n\r\n",
                        400, Shape.PARTOO, "A header line has no colon: each must be a name, a colon and a value."),
                Arguments.of("lines ended by a lone CR", "GET /partoo/v2/webhooks/1 HTTP/1.1\rHost: 127.0.0.1\r\r",
                        400, Shape.PARTOO, BARE_CR),
                // RFC 9112 §3.2: more than one Host is a 400.
                Arguments.of("two Host headers", PARTOO_GET + "Host: 127.0.0.2\r\n\r\n",
                        400, Shape.PARTOO, "The request has more than one Host header."),
                // RFC 9112 §5.1: whitespace between a field name and its colon is a 400.
                Arguments.of("whitespace before a colon", PARTOO_GET + "X-Test : v\r\n\r\n",
                        400, Shape.PARTOO, "A header field name is followed by whitespace before its colon."),
                Arguments.of("a field name that is no token", PARTOO_GET + "X(Test): v\r\n\r\n",
                        400, Shape.PARTOO, "A header field name holds a character that is not allowed in one."),
                // RFC 9110 §5.5 and RFC 9112 §2.2: NUL and a bare CR in a field value are refused, not passed on.
                Arguments.of("NUL in a field value", PARTOO_GET + "X-Test: a\0b\r\n\r\n",
                        400, Shape.PARTOO, "A header field value holds a NUL."),
                Arguments.of("bare CR in a field value", PARTOO_GET + "X-Test: a\rb\r\n\r\n",
                        400, Shape.PARTOO, BARE_CR));
    }

    private static final String PARTOO_GET = "GET /partoo/v2/webhooks/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "x-APIKey: partoo_test_key\r\n";
    private static final String SMUGGLED = "GET /partoo/v2/webhooks/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    private static final String TRANSFER_ENCODING_NOT_CHUNKED =
            "The request's Transfer-Encoding does not end in chunked, so its body's length cannot be told.";
    private static final String BARE_CR = "The request's head holds a CR that does not end a line.";

    private static String partoo(String transferEncoding) {
        return "POST /partoo/v2/webhooks HTTP/1.1\r\nHost: 127.0.0.1\r\nx-APIKey: partoo_test_key\r\n"
                + "Transfer-Encoding: " + transferEncoding + "\r\n\r\n";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRequests")
    void isRefusedInTheApisFormatAndTheConnectionClosed(String name, String request, int status, Shape shape,
                                                         String detail) throws IOException {
        Instant before = Instant.now();
        Answer answer = exchange(request);

        assertAll(name,
                () -> assertEquals(status, answer.status(), answer.text),
                () -> assertEquals(shape.type, answer.header("Content-Type"), answer.text),
                () -> assertEquals(detail, JSON.readTree(answer.body()).at(shape.pointer).asText(), answer.text),
                () -> assertEquals("close", answer.header("Connection"), answer.text),
                () -> DateHeaderTest.assertSent(String.valueOf(answer.header("Date")), before, Instant.now()),
                () -> assertTrue(answer.closed, "the connection stayed open after a broken frame"),
                () -> assertEquals(1, answer.statusLines(), "what followed the broken frame was answered too: "
                        + answer.text));
    }

    /**
     * RFC 9112 §6.1: a request with both Transfer-Encoding and Content-Length is read by its chunks, answered, and its
     * connection closed, as an intermediary may have framed it by the Content-Length: the request behind it is not
     * answered.
     */
    @Test
    void aRequestWithTransferEncodingAndContentLengthIsAnsweredThenTheConnectionClosed() throws IOException {
        Answer answer = exchange("POST /mijnklantportaal/v1/webhooks HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer mkp_test_key\r\nContent-Type: application/json\r\nContent-Length: 7\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n" + SMUGGLED);

        // The API reads the body {} (its chunks), and refuses it as it would any such body.
        assertAll(() -> assertEquals(400, answer.status() / 100 * 100, answer.text),
                () -> assertTrue(JSON.readTree(answer.body()).at(Shape.MESSAGE.pointer).asText().contains("url"),
                        answer.text),
                () -> assertEquals("close", answer.header("Connection"), answer.text),
                () -> assertTrue(answer.closed, "the connection stayed open"),
                () -> assertEquals(1, answer.statusLines(), "the request behind it was answered: " + answer.text));
    }

    @Test
    void aRefusalOfTheHttpLayerIsJournaledWithWhy() throws IOException {
        exchange("POST /partoo/v2/webhooks?source=framing HTTP/1.1\r\nHost: 127.0.0.1\r\nx-APIKey: partoo_test_key\r\n"
                + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}");

        Answer listed = exchange("GET /__admin/partoo/requests?status=400&limit=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer admin_test_key\r\nConnection: close\r\n\r\n");
        JsonNode entry = JSON.readTree(listed.body()).path("requests").path(0);
        assertAll(() -> assertEquals(200, listed.status(), listed.text),
                () -> assertEquals("POST", entry.path("method").asText(), listed.text),
                () -> assertEquals("/partoo/v2/webhooks", entry.path("path").asText(), listed.text),
                () -> assertEquals(400, entry.path("status").asInt(), listed.text),
                () -> assertEquals("****", entry.at("/headers/x-apikey/0").asText(), listed.text),
                () -> assertEquals("bad request: The request's Content-Length headers disagree.",
                        entry.path("refusal").asText(), listed.text));
    }

    @Test
    void traceIsRefusedByTheApiWithTheMethodsItAllows() throws IOException {
        Answer answer = exchange("TRACE /partoo/v2/webhooks/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "x-APIKey: partoo_test_key\r\nConnection: close\r\n\r\n");

        JsonNode body = JSON.readTree(answer.body());
        assertAll(() -> assertEquals(405, answer.status(), answer.text),
                () -> assertEquals("HEAD,GET,OPTIONS", answer.header("Allow"), answer.text),
                () -> assertTrue(body.at(Shape.PARTOO.pointer).isTextual(), answer.text));
    }

    /**
     * RFC 9110 §2.5: a later minor version of HTTP/1 is served as HTTP/1.1, on a connection kept alive as 1.1's are.
     * Grizzly knows no HTTP/1.2, and it was refused as a malformed request line.
     */
    @Test
    void aLaterMinorVersionIsServedAsHttp11() throws IOException {
        Answer answer = exchange(PARTOO_GET.replace("HTTP/1.1", "HTTP/1.2") + "\r\n"
                + PARTOO_GET.replace("HTTP/1.1", "HTTP/1.9") + "Connection: close\r\n\r\n");
        assertAll(() -> assertTrue(answer.text.startsWith("HTTP/1.1 200 "), answer.text),
                () -> assertEquals(2, answer.text.split("HTTP/1.1 200 OK\r\n", -1).length - 1, answer.text),
                () -> assertEquals(1, JSON.readTree(answer.text.substring(answer.text.lastIndexOf("\r\n\r\n") + 4))
                        .path("id").asInt(), answer.text));
    }

    /** RFC 9110 §9.3.7: OPTIONS * asks about the server as a whole; it was refused as a target that is no path. */
    @Test
    void optionsAsteriskSaysWhatTheServerTakes() throws IOException {
        Answer answer = exchange("OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertAll(() -> assertEquals(200, answer.status(), answer.text),
                () -> assertEquals("GET, HEAD, POST, DELETE, OPTIONS", answer.header("Allow"), answer.text),
                () -> assertEquals("0", answer.header("Content-Length"), answer.text));
    }

    /** A raw exchange: the whole answer, and whether the server closed the connection after it. */
    record Answer(String text, boolean closed) {

        int status() {
            return Integer.parseInt(text.substring(9, 12));
        }

        String header(String name) {
            for (String line : text.substring(0, text.indexOf("\r\n\r\n")).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT)
                        .equals(name.toLowerCase(Locale.ROOT))) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        String body() {
            return text.substring(text.indexOf("\r\n\r\n") + 4);
        }

        /** How many answers the text holds. */
        long statusLines() {
            return text.lines().filter(line -> line.startsWith("HTTP/1.1 ")).count();
        }
    }

    private static Answer exchange(String request) throws IOException {
        return exchange(stub.server().port(), request);
    }

    /** Sends the request, and reads until the server closes the connection or 5 s pass without a byte. */
    static Answer exchange(int port, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            boolean closed;
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    read.write(buffer, 0, n);
                }
                closed = true;
            } catch (SocketTimeoutException stillOpen) {
                closed = false;
            } catch (IOException reset) {
                // A server that closes with unread request bytes may reset the connection: closed all the same.
                closed = true;
            }
            return new Answer(read.toString(StandardCharsets.ISO_8859_1), closed);
        }
    }
}
