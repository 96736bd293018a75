package dev.hookstub.server.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.net.InetAddressUtils;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.CompletionHandler;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.Transport;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.http.ContentEncoding;
import org.glassfish.grizzly.http.HttpBrokenContent;
import org.glassfish.grizzly.http.HttpClientFilter;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpPacketParsing;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.nio.transport.TCPNIOConnectorHandler;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;

/**
 * Sends requests to a plain {@code http://} upstream without a thread of its own: on the selector threads of the
 * transport the request came in on (Grizzly's HTTP client codec over connections kept alive), so that the
 * proxied request is written, its answer read and judged, and the client's answer written by the threads that
 * wait on the sockets anyway. No hand-off to a pool, no thread blocked on a socket: on two cores each hand-off was a
 * wake-up, and those and the blocking reads were most of what the proxy cost per request (docs/adr/010).
 *
 * <p>As the blocking client for {@code https://} does: bodies as they are (no decompression), redirects returned,
 * an idempotent request whose kept-alive connection the upstream closed before answering sent once more on a new
 * one, and within the upstream's timeout either way: no connection by then is a {@link ConnectTimeoutException},
 * no whole answer a {@link TimeoutException} (the connection is then closed).
 */
final class HttpUpstreamClient implements UpstreamClient {

    /** Whose deadline has passed is looked for this often: a timeout ends at most this much late. */
    private static final long SWEEP_MILLIS = 20;
    /** A sandbox's answer may carry large cookies and tracing headers: Grizzly's default of 8 KiB is a client's. */
    private static final int MAX_ANSWER_HEAD_BYTES = 64 * 1024;
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE");
    /** Methods whose request says how long its body is even when it is empty ({@code Content-Length: 0}). */
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    private final Upstream upstream;
    private final String host;
    /** The host is an address, not a name: nothing to look up. */
    private final boolean literalAddress;
    private final Executor lookups;
    private final int port;
    /** The {@code Host} header: the upstream's authority as its URL gives it. */
    private final String authority;
    /** The upstream URL's path, without a trailing slash: what stands for the spec's server URL. */
    private final String basePath;
    private final FilterChain chain;
    private final Attribute<Exchange> exchangeOf = Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(
            HttpUpstreamClient.class.getName() + ".exchange");
    /** Connections kept alive and free, the one freed last first (so that few stay in use). */
    private final ConcurrentLinkedDeque<Connection<?>> idle = new ConcurrentLinkedDeque<>();
    private final Set<Exchange> inFlight = ConcurrentHashMap.newKeySet();
    private final ScheduledFuture<?> sweeping;
    private volatile boolean closing;

    /**
     * @param deadlines the thread that ends what took too long, shared by the proxy's clients
     * @param lookups   where the upstream's host name is resolved when a connection is opened
     */
    HttpUpstreamClient(Upstream upstream, ScheduledExecutorService deadlines, Executor lookups) {
        this.upstream = upstream;
        this.lookups = lookups;
        this.host = upstream.url().getHost();
        this.literalAddress = needsNoLookup(host);
        this.port = upstream.url().getPort() == -1 ? 80 : upstream.url().getPort();
        this.authority = upstream.url().getPort() == -1 ? host : host + ":" + port;
        this.basePath = upstream.basePath();
        HttpClientFilter codec = new AnswerCodec();
        for (ContentEncoding encoding : codec.getContentEncodings()) {
            // What the upstream sent, compressed or not, is what the client gets and what is judged.
            codec.removeContentEncoding(encoding);
        }
        this.chain = FilterChainBuilder.stateless().add(new TransportFilter()).add(new InterimAnswers()).add(codec)
                .add(new AnswerFilter()).build();
        this.sweeping = deadlines.scheduleAtFixedRate(this::endOverdue, SWEEP_MILLIS, SWEEP_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** Whether a URL's host is an IP address as written (IPv4, or IPv6 bare or in brackets), not a name. */
    static boolean needsNoLookup(String host) {
        return InetAddressUtils.isIPv4(host) || InetAddressUtils.isIPv6(host)
                || InetAddressUtils.isIPv6URLBracketed(host);
    }

    @Override
    public Upstream upstream() {
        return upstream;
    }

    @Override
    public CompletableFuture<UpstreamAnswer> send(String method, String path, String rawQuery, List<String> headers,
                                                 byte[] body, Transport transport) {
        Exchange exchange = new Exchange(method, path, rawQuery, headers, body, (TCPNIOTransport) transport,
                System.nanoTime() + upstream.timeout().toNanos());
        inFlight.add(exchange);
        exchange.answer.whenComplete((done, failure) -> inFlight.remove(exchange));
        if (closing) {
            exchange.fail(new IOException("the proxy is closing"));
        } else {
            begin(exchange);
        }
        return exchange.answer;
    }

    /** On a kept-alive connection when one is free, else on a new one. */
    private void begin(Exchange exchange) {
        for (Connection<?> connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            if (connection.isOpen()) {
                exchange.reused = true;
                write(exchange, connection);
                return;
            }
        }
        exchange.reused = false;
        if (literalAddress) {
            connect(exchange, new InetSocketAddress(host, port));
        } else {
            // A name is looked up off the selector thread: a slow resolver would hold every connection it polls.
            lookups.execute(() -> connect(exchange, new InetSocketAddress(host, port)));
        }
    }

    private void connect(Exchange exchange, InetSocketAddress address) {
        if (address.isUnresolved()) {
            exchange.fail(new UnknownHostException(host));
            return;
        }
        TCPNIOConnectorHandler.builder(exchange.transport).processor(chain).build().connect(address,
                new EmptyCompletionHandler<>() {
                    @Override
                    public void completed(Connection connection) {
                        write(exchange, connection);
                    }

                    @Override
                    public void failed(Throwable cause) {
                        exchange.fail(cause);
                    }
                });
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void write(Exchange exchange, Connection connection) {
        exchange.connection = connection;
        exchangeOf.set(connection, exchange);
        if (exchange.answer.isDone()) {
            // Its deadline passed while it was connecting.
            connection.closeSilently();
            return;
        }
        HttpRequestPacket.Builder head = HttpRequestPacket.builder().method(exchange.method)
                .uri(basePath + exchange.path).protocol(Protocol.HTTP_1_1).header("Host", authority);
        if (exchange.rawQuery != null) {
            head.query(exchange.rawQuery);
        }
        List<String> headers = exchange.headers;
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            if (!NOT_FORWARDED.contains(headers.get(i).toLowerCase(Locale.ROOT))) {
                head.header(headers.get(i), headers.get(i + 1));
            }
        }
        boolean payload = exchange.body.length > 0 || WITH_BODY.contains(exchange.method);
        CompletionHandler written = new EmptyCompletionHandler<WriteResult>() {
            @Override
            public void failed(Throwable cause) {
                exchange.closedBeforeAnswering(connection, cause);
            }
        };
        if (payload) {
            head.contentLength(exchange.body.length);
        }
        HttpRequestPacket request = head.build();
        request.setExpectContent(payload);
        Buffer content = payload ? Buffers.wrap(connection.getMemoryManager(), exchange.body) : Buffers.EMPTY_BUFFER;
        connection.write(HttpContent.builder(request).content(content).last(true).build(), written);
    }

    /** Ends every exchange whose deadline has passed, closing its connection. */
    private void endOverdue() {
        long now = System.nanoTime();
        for (Exchange exchange : inFlight) {
            if (now - exchange.deadline >= 0) {
                Connection<?> connection = exchange.connection;
                boolean ended = exchange.fail(connection == null
                        ? new ConnectTimeoutException("no connection within " + upstream.timeout().toMillis() + " ms")
                        : exchange.head != null ? new AnswerUnfinishedException() : new TimeoutException());
                if (ended && connection != null) {
                    // Only when this ended it: an exchange that was answered meanwhile freed its connection.
                    connection.closeSilently();
                }
            }
        }
    }

    @Override
    public void close() {
        closing = true;
        sweeping.cancel(false);
        for (Connection<?> connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            connection.closeSilently();
        }
        for (Exchange exchange : inFlight) {
            exchange.fail(new IOException("the proxy is closing"));
            if (exchange.connection != null) {
                exchange.connection.closeSilently();
            }
        }
    }

    /** One request on its way: what to send, the answer as it arrives, and how it ends. */
    private final class Exchange {

        final String method;
        final String path;
        final String rawQuery;
        final List<String> headers;
        final byte[] body;
        /** Whose selector threads carry it: the one the client's request came in on. */
        final TCPNIOTransport transport;
        final long deadline;
        final CompletableFuture<UpstreamAnswer> answer = new CompletableFuture<>();
        /** Sent once more already, on a new connection: never a third time. */
        boolean retried;
        volatile Connection<?> connection;
        volatile boolean reused;
        volatile HttpResponsePacket head;
        ByteArrayOutputStream received;
        /** Why the codec could not read the answer, when it could not: the connection closes after it. */
        volatile UnreadableAnswerException unreadable;

        Exchange(String method, String path, String rawQuery, List<String> headers, byte[] body,
                 TCPNIOTransport transport, long deadline) {
            this.method = method;
            this.transport = transport;
            this.path = path;
            this.rawQuery = rawQuery;
            this.headers = headers;
            this.body = body;
            this.deadline = deadline;
        }

        /** @return whether this call ended it */
        boolean fail(Throwable cause) {
            return answer.completeExceptionally(cause);
        }

        /** The body part of one read; the answer once the last is in. */
        void received(HttpContent content, Connection<?> from) {
            head = (HttpResponsePacket) content.getHttpHeader();
            Buffer part = content.getContent();
            if (part.hasRemaining()) {
                if (received == null) {
                    received = new ByteArrayOutputStream(Math.max(64, (int) Math.min(head.getContentLength(),
                            ProxyHandler.MAX_BODY_BYTES)));
                }
                byte[] bytes = new byte[part.remaining()];
                part.get(bytes);
                received.write(bytes, 0, bytes.length);
            }
            if (content.isLast()) {
                // Read before the connection is free for another exchange, whose answer the codec parses next.
                UpstreamAnswer whole = whole();
                exchangeOf.remove(from);
                boolean keepAlive = head.getProcessingState().isKeepAlive() && !untilClosed(head);
                if (keepAlive && !closing && !answer.isDone()) {
                    idle.offerFirst(from);
                } else {
                    from.closeSilently();
                }
                answer.complete(whole);
            }
        }

        /** The connection closed (or could not be written to) before the answer was whole. */
        synchronized void closedBeforeAnswering(Connection<?> closed, Throwable cause) {
            if (answer.isDone() || closed != connection) {
                // Already over, or a connection this exchange has left for a new one (told twice: write and close).
                return;
            }
            if (unreadable != null) {
                fail(unreadable);
            } else if (head != null && untilClosed(head)) {
                // No length and no chunks: the body is what came before the close.
                answer.complete(whole());
            } else if (head == null && reused && IDEMPOTENT.contains(method) && !retried && !closing) {
                // A kept-alive connection the upstream closed meanwhile: once more, on a new connection.
                retried = true;
                reused = false;
                connection = null;
                begin(this);
            } else if (head != null) {
                fail(AnswerCutShortException.after(received == null ? 0 : received.size(),
                        head.isChunked() ? -1 : head.getContentLength()));
            } else {
                fail(cause != null ? cause : new ConnectionClosedException("Connection closed by the upstream"));
            }
        }

        private UpstreamAnswer whole() {
            Map<String, List<String>> named = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String name : head.getHeaders().names()) {
                for (String value : head.getHeaders().values(name)) {
                    named.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
                }
            }
            return new UpstreamAnswer(head.getStatus(), head.getReasonPhrase(), named,
                    received == null ? new byte[0] : received.toByteArray());
        }
    }

    /** An answer with a body but neither a length nor chunks: its body ends where the connection does. */
    private static boolean untilClosed(HttpResponsePacket head) {
        return head.isExpectContent() && !head.isChunked() && head.getContentLength() == -1;
    }

    /** Grizzly's HTTP client codec, telling the exchange why an answer it could not parse ends its connection. */
    private final class AnswerCodec extends HttpClientFilter {

        AnswerCodec() {
            super(MAX_ANSWER_HEAD_BYTES);
        }

        /**
         * RFC 9112 §6.3: an answer whose Content-Length headers differ has no framing a proxy may trust, and it must
         * close the connection and answer 502. Grizzly notes the difference and reads the body by the first.
         */
        @Override
        protected boolean onHttpHeaderParsed(HttpHeader header, Buffer buffer, FilterChainContext ctx) {
            if (header instanceof HttpPacketParsing parsing && parsing.getHeaderParsingState().contentLengthsDiffer) {
                throw new IllegalStateException("its Content-Length headers disagree");
            }
            return super.onHttpHeaderParsed(header, buffer, ctx);
        }

        @Override
        protected void onHttpHeaderError(HttpHeader header, FilterChainContext ctx, Throwable cause) {
            unreadable(ctx, UnreadableAnswerException.of(header, true, cause, MAX_ANSWER_HEAD_BYTES));
        }

        @Override
        protected void onHttpContentError(HttpHeader header, FilterChainContext ctx, Throwable cause) {
            unreadable(ctx, UnreadableAnswerException.of(header, false, cause, MAX_ANSWER_HEAD_BYTES));
        }

        /**
         * The exchange learns why, and the connection closes, which ends the exchange with a 502 naming it. Not by
         * throwing, as Grizzly's own client codec does: the filter chain logged each such answer as a warning with
         * a stack trace, while the proxy's answer and its journal already say what was wrong.
         */
        private void unreadable(FilterChainContext ctx, UnreadableAnswerException why) {
            Exchange exchange = exchangeOf.get(ctx.getConnection());
            if (exchange != null) {
                exchange.unreadable = why;
            }
            ctx.getConnection().closeSilently();
        }
    }

    /** The last of the chain: hands each part of an answer to the exchange on its connection. */
    private final class AnswerFilter extends BaseFilter {

        @Override
        public NextAction handleRead(FilterChainContext ctx) {
            Connection<?> connection = ctx.getConnection();
            Exchange exchange = exchangeOf.get(connection);
            if (ctx.getMessage() instanceof HttpBrokenContent) {
                // A body the codec could not read: the codec has closed the connection, which ends the exchange.
                return ctx.getStopAction();
            }
            if (exchange != null) {
                exchange.received(ctx.getMessage(), connection);
            }
            return ctx.getStopAction();
        }

        @Override
        public NextAction handleClose(FilterChainContext ctx) {
            Connection<?> connection = ctx.getConnection();
            Exchange exchange = exchangeOf.get(connection);
            if (exchange == null) {
                idle.remove(connection);
            } else {
                exchangeOf.remove(connection);
                exchange.closedBeforeAnswering(connection, null);
            }
            return ctx.getStopAction();
        }
    }
}
