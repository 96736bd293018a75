package dev.hookstub.server.proxy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends a request on to one upstream and hands back its whole answer, without blocking the caller: the JDK's
 * HTTP client over HTTP/1.1 (what every sandbox speaks), connections kept alive, redirects returned as they are.
 * Headers that belong to one hop (RFC 9110 §7.6.1) and the few the JDK's client sets itself are not copied.
 */
final class UpstreamClient {

    /** Hop-by-hop headers, and the ones the JDK's client refuses to be given (it writes them itself). */
    static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect",
            "date", "from", "via", "warning");

    /** The upstream's answer: status, headers (looked up in any case) and the whole body. */
    record UpstreamAnswer(int status, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private final Upstream upstream;
    private final HttpClient client;

    UpstreamClient(Upstream upstream, ExecutorService executor) {
        this.upstream = upstream;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(upstream.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(UpstreamTrust.context(upstream.certificateAuthority()))
                .executor(executor)
                .build();
    }

    Upstream upstream() {
        return upstream;
    }

    /**
     * Completes with the answer, or exceptionally with why there is none: within the upstream's timeout either way
     * (a {@link java.util.concurrent.TimeoutException} when it took longer).
     *
     * @param headers name, value, name, value... as the client sent them
     */
    CompletableFuture<UpstreamAnswer> send(String method, String path, String rawQuery, List<String> headers,
                                          byte[] body) {
        URI target = upstream.resolve(path, rawQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(upstream.timeout())
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            if (!NOT_FORWARDED.contains(headers.get(i).toLowerCase(Locale.ROOT))) {
                request.header(headers.get(i), headers.get(i + 1));
            }
        }
        // The request's own timeout ends waiting for the head; this one also ends a body that trickles.
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(answer -> new UpstreamAnswer(answer.statusCode(), answer.headers().map(), answer.body()))
                .orTimeout(upstream.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
