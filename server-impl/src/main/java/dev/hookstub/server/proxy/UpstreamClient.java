package dev.hookstub.server.proxy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import org.glassfish.grizzly.Transport;

/**
 * Sends a request on to one upstream and hands back its whole answer without blocking the caller: over HTTP/1.1 (what
 * every sandbox speaks), connections kept alive, redirects returned as they are, bodies as they are (no
 * decompression, no cookies, no user agent added).
 */
interface UpstreamClient extends AutoCloseable {

    /**
     * Headers of one hop (RFC 9110 §7.6.1), and the two that describe the message as it is written on this hop: its
     * length ({@code Content-Length}, written again for the body as sent) and, for a request, its {@code Host}, which
     * names the upstream. Neither way are these copied; every other header goes as it came.
     */
    Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "expect", "host", "content-length");

    /**
     * The upstream's answer: status, reason phrase (null when it gave none to pass on), headers (looked up in any
     * case) and the whole body.
     */
    record UpstreamAnswer(int status, String reason, Map<String, List<String>> headers, byte[] body) {

        public UpstreamAnswer {
            // A reason phrase is passed on as given when it is HTAB, SP and visible ASCII (RFC 9112 §4 allows
            // obs-text too, which the writer would not carry faithfully); else the status's own phrase is written.
            if (reason != null && (reason.isBlank()
                    || !reason.chars().allMatch(c -> c == '\t' || c >= ' ' && c < 0x7F))) {
                reason = null;
            }
        }

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /**
     * The client for the upstream's scheme.
     *
     * @param pool      where an {@code https://} exchange blocks, and an {@code http://} one looks up its host
     * @param deadlines where an {@code http://} exchange that took too long is ended
     */
    static UpstreamClient of(Upstream upstream, ExecutorService pool, ScheduledExecutorService deadlines) {
        return upstream.url().getScheme().equalsIgnoreCase("https") ? new HttpsUpstreamClient(upstream, pool)
                : new HttpUpstreamClient(upstream, deadlines, pool);
    }

    Upstream upstream();

    /**
     * Completes with the answer, or exceptionally with why there is none: within the upstream's timeout either way
     * (a {@link TimeoutException} when it took longer, and the request is then abandoned, its connection closed).
     *
     * @param headers   name, value, name, value... as the client sent them
     * @param transport the transport the client's request came in on, whose threads may carry this exchange too
     */
    CompletableFuture<UpstreamAnswer> send(String method, String path, String rawQuery, List<String> headers,
                                          byte[] body, Transport transport);

    @Override
    void close();
}
