package dev.hookstub.server.proxy;

import dev.hookstub.server.proxy.UpstreamClient.UpstreamAnswer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * An answer's body as text to judge, whatever {@code Content-Encoding} the client asked for: the client gets the
 * bytes as the upstream sent them, the validators the text they encode (gzip and deflate; another encoding is
 * judged as it is).
 */
final class AnswerBodies {

    private AnswerBodies() {
    }

    static String text(UpstreamAnswer answer) {
        byte[] body = answer.body();
        if (body.length == 0) {
            return null;
        }
        String encoding = answer.header("content-encoding");
        String coding = encoding == null ? "identity" : encoding.strip().toLowerCase(Locale.ROOT);
        try {
            return switch (coding) {
                case "gzip", "x-gzip" -> decoded(new GZIPInputStream(new ByteArrayInputStream(body)));
                case "deflate" -> decoded(new InflaterInputStream(new ByteArrayInputStream(body)));
                default -> new String(body, StandardCharsets.UTF_8);
            };
        } catch (IOException notWhatItSays) {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static String decoded(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
