package dev.hookstub.server.proxy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.TruncatedChunkException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.glassfish.grizzly.Transport;

/**
 * Sends requests to an {@code https://} upstream (a provider's sandbox, most often across the internet): Apache
 * HttpClient 5 over HTTP/1.1, blocking on a thread of the proxy's pool, connections pooled and kept alive, the JDK's
 * trust store or a private certificate authority, the host name checked against the certificate.
 *
 * <p>Why not the JDK's {@code HttpClient}: each of its exchanges passes through its selector thread and its executor
 * before the caller sees the answer, and on two cores each hand-off is a wake-up; sequential GETs on loopback took
 * 0.87 ms with it and 0.22 ms with this client (docs/adr/010). Plain {@code http://} upstreams go through
 * {@link HttpUpstreamClient}, which does without the pool's thread as well.
 */
final class HttpsUpstreamClient implements UpstreamClient {

    /** As many requests in flight to one upstream as a test or an application is likely to make at once. */
    private static final int CONNECTIONS = 256;

    private final Upstream upstream;
    private final CloseableHttpClient client;
    private final ExecutorService executor;

    /** @param executor where a request waits for its answer, one thread per request in flight */
    HttpsUpstreamClient(Upstream upstream, ExecutorService executor) {
        this.upstream = upstream;
        this.executor = executor;
        Timeout timeout = Timeout.of(upstream.timeout());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(CONNECTIONS).setMaxConnPerRoute(CONNECTIONS)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout)
                                .setSocketTimeout(timeout).setValidateAfterInactivity(TimeValue.ofSeconds(2)).build())
                        .setTlsSocketStrategy(new DefaultClientTlsStrategy(
                                UpstreamTrust.context(upstream.certificateAuthority())))
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout)
                        .setConnectionRequestTimeout(timeout).setRedirectsEnabled(false).build())
                .setRetryStrategy(new OnceWhenClosedBeforeAnswering())
                .disableRedirectHandling().disableContentCompression().disableCookieManagement()
                .disableAuthCaching().disableDefaultUserAgent().disableConnectionState()
                .build();
    }

    @Override
    public Upstream upstream() {
        return upstream;
    }

    @Override
    public CompletableFuture<UpstreamAnswer> send(String method, String path, String rawQuery, List<String> headers,
                                                 byte[] body, Transport transport) {
        URI target = upstream.resolve(path, rawQuery);
        HttpUriRequestBase request = new HttpUriRequestBase(method, target);
        // The target as the client wrote it: a URI percent-encodes what a browser sends raw in a query.
        request.setPath(upstream.target(path, rawQuery));
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            if (!NOT_FORWARDED.contains(headers.get(i).toLowerCase(Locale.ROOT))) {
                request.addHeader(headers.get(i), headers.get(i + 1));
            }
        }
        if (body.length > 0) {
            // No content type of its own: the client's Content-Type header goes as it came.
            request.setEntity(new ByteArrayEntity(body, null));
        }
        // The socket timeout ends waiting for the head and each read; orTimeout also ends a body that trickles.
        CompletableFuture<UpstreamAnswer> answer = CompletableFuture.supplyAsync(() -> answer(request), executor)
                .orTimeout(upstream.timeout().toMillis(), TimeUnit.MILLISECONDS);
        answer.whenComplete((done, failure) -> {
            if (failure instanceof TimeoutException) {
                request.cancel();
            }
        });
        return answer;
    }

    private UpstreamAnswer answer(HttpUriRequestBase request) {
        try {
            return client.execute(request, response -> {
                Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                for (Header header : response.getHeaders()) {
                    headers.computeIfAbsent(header.getName(), name -> new ArrayList<>(1)).add(header.getValue());
                }
                return new UpstreamAnswer(response.getCode(), response.getReasonPhrase(), headers, body(response));
            });
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }

    /** The body after the head: a connection that closes before its end is an answer cut short, said so. */
    private static byte[] body(ClassicHttpResponse response) throws IOException {
        try {
            return response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
        } catch (ConnectionClosedException | TruncatedChunkException e) {
            throw new AnswerCutShortException(e);
        } catch (MalformedChunkCodingException e) {
            throw new UnreadableAnswerException("its chunked encoding is malformed");
        }
    }

    @Override
    public void close() {
        client.close(org.apache.hc.core5.io.CloseMode.IMMEDIATE);
    }

    /**
     * An idempotent request whose connection closed or reset before any answer is sent once more at once, as a
     * kept-alive connection the upstream closed meanwhile asks; never for a status (a 503 or 429 is the upstream's
     * answer to return, not to retry) and never a create.
     */
    private static final class OnceWhenClosedBeforeAnswering extends DefaultHttpRequestRetryStrategy {

        OnceWhenClosedBeforeAnswering() {
            super(1, TimeValue.ZERO_MILLISECONDS, List.of(InterruptedIOException.class, UnknownHostException.class,
                    ConnectException.class, ConnectionClosedException.class, NoRouteToHostException.class,
                    SSLException.class), List.of());
        }
    }
}
