package dev.hookstub.server.robustness;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deliberately dumb HTTP/1.1 client on a plain socket, for the requests {@code java.net.http} refuses to send
 * (bad percent-encoding, odd methods, duplicate or malformed headers, broken framing). It writes the bytes it is
 * given as they are and reads exactly one response, honouring Content-Length and chunked framing, so that a
 * response that never completes is told apart from one that does.
 */
final class RawHttp implements AutoCloseable {

    /** Why no complete response was read. */
    enum Outcome { TIMEOUT, DROPPED, TRUNCATED, MALFORMED }

    static final class NoResponse extends Exception {
        final Outcome outcome;

        NoResponse(Outcome outcome, String detail) {
            super(outcome + ": " + detail, null, false, false);
            this.outcome = outcome;
        }
    }

    record Header(String name, String value) {
    }

    record Response(String statusLine, int status, List<Header> headers, byte[] body, boolean closeAfter) {

        String header(String name) {
            for (Header header : headers) {
                if (header.name().equalsIgnoreCase(name)) {
                    return header.value();
                }
            }
            return null;
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Status line, headers and body as text, for failure messages and leak scans. */
        String text(int maxBody) {
            StringBuilder text = new StringBuilder(statusLine).append("\n");
            headers.forEach(h -> text.append(h.name()).append(": ").append(h.value()).append("\n"));
            String body = bodyText();
            text.append("\n").append(body.length() > maxBody ? body.substring(0, maxBody) + "...(" + body.length()
                    + " chars)" : body);
            return text.toString();
        }
    }

    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_BODY = 64 * 1024 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new java.io.BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** A fresh loopback connection whose every read gives up after {@code timeoutMillis}. */
    static RawHttp connect(int port, int timeoutMillis) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(timeoutMillis);
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), timeoutMillis);
        return new RawHttp(socket);
    }

    void setTimeout(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
    }

    /**
     * Writes the bytes. A server may answer and close before it has read everything (a 413, say); then the write
     * fails, yet the answer can still be read, so a failed write is reported as false rather than thrown.
     */
    boolean send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads one final response (skipping interim 1xx ones); {@code head} says the request was a HEAD. */
    Response read(boolean head) throws NoResponse {
        boolean anything = false;
        try {
            while (true) {
                String statusLine = line(!anything);
                anything = true;
                String[] parts = statusLine.split(" ", 3);
                if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
                    throw new NoResponse(Outcome.MALFORMED, "status line " + printable(statusLine, 200));
                }
                int status = Integer.parseInt(parts[1]);
                List<Header> headers = new ArrayList<>();
                for (String header = line(false); !header.isEmpty(); header = line(false)) {
                    int colon = header.indexOf(':');
                    if (colon <= 0) {
                        throw new NoResponse(Outcome.MALFORMED, "header line " + printable(header, 200));
                    }
                    headers.add(new Header(header.substring(0, colon).trim(), header.substring(colon + 1).trim()));
                }
                if (status >= 100 && status < 200 && status != 101) {
                    continue;
                }
                Response framing = new Response(statusLine, status, headers, new byte[0], false);
                String connection = String.valueOf(framing.header("Connection")).toLowerCase(Locale.ROOT);
                boolean close = connection.contains("close")
                        || (parts[0].equals("HTTP/1.0") && !connection.contains("keep-alive"));
                String encoding = framing.header("Transfer-Encoding");
                String length = framing.header("Content-Length");
                byte[] body;
                if (head || status == 204 || status == 304 || status == 101) {
                    body = new byte[0];
                } else if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
                    body = chunked();
                } else if (length != null) {
                    if (!length.matches("\\d{1,9}")) {
                        throw new NoResponse(Outcome.MALFORMED, "Content-Length " + printable(length, 40));
                    }
                    body = exactly(Integer.parseInt(length));
                } else {
                    body = in.readNBytes(MAX_BODY);
                    close = true;
                }
                return new Response(statusLine, status, List.copyOf(headers), body, close);
            }
        } catch (SocketTimeoutException e) {
            throw new NoResponse(Outcome.TIMEOUT, anything ? "response stalled part-way" : "no response at all");
        } catch (EOFException e) {
            throw new NoResponse(anything ? Outcome.TRUNCATED : Outcome.DROPPED,
                    anything ? "connection closed mid-response" : "connection closed without a response");
        } catch (IOException e) {
            throw new NoResponse(anything ? Outcome.TRUNCATED : Outcome.DROPPED, e.toString());
        }
    }

    /** Whether the server has closed (or reset) its side: a read sees end of stream within the timeout. */
    boolean closedByPeer() {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Sends one request on a new connection and reads its response. */
    static Response exchange(int port, byte[] request, boolean head, int timeoutMillis) throws NoResponse {
        try (RawHttp http = connect(port, timeoutMillis)) {
            http.send(request);
            return http.read(head);
        } catch (IOException e) {
            throw new NoResponse(Outcome.DROPPED, "connect: " + e);
        }
    }

    private byte[] chunked() throws IOException, NoResponse {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(false);
            String size = sizeLine.split(";", 2)[0].trim();
            if (!size.matches("[0-9a-fA-F]{1,7}")) {
                throw new NoResponse(Outcome.MALFORMED, "chunk size " + printable(sizeLine, 40));
            }
            int n = Integer.parseInt(size, 16);
            if (n == 0) {
                while (!line(false).isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            if (body.size() + n > MAX_BODY) {
                throw new NoResponse(Outcome.MALFORMED, "body larger than " + MAX_BODY);
            }
            body.write(exactly(n));
            if (!line(false).isEmpty()) {
                throw new NoResponse(Outcome.MALFORMED, "chunk not followed by CRLF");
            }
        }
    }

    private byte[] exactly(int n) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new EOFException();
        }
        return bytes;
    }

    /** One line without its CR LF, read as ISO-8859-1. */
    private String line(boolean first) throws IOException, NoResponse {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException();
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
            if (line.length() > MAX_LINE) {
                throw new NoResponse(Outcome.MALFORMED, "line longer than " + MAX_LINE);
            }
        }
    }

    /** Bytes shown with every non-printable byte escaped, cut after {@code max} characters. */
    static String printable(byte[] bytes, int max) {
        StringBuilder text = new StringBuilder();
        for (byte value : bytes) {
            int b = value & 0xff;
            if (b == '\r') {
                text.append("\\r");
            } else if (b == '\n') {
                text.append("\\n");
            } else if (b == '\\') {
                text.append("\\\\");
            } else if (b < 0x20 || b >= 0x7f) {
                text.append(String.format("\\x%02x", b));
            } else {
                text.append((char) b);
            }
            if (text.length() >= max) {
                return text + "...(" + bytes.length + " bytes in all)";
            }
        }
        return text.toString();
    }

    static String printable(String text, int max) {
        return printable(text.getBytes(StandardCharsets.ISO_8859_1), max);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
