package dev.hookstub.server.http;

import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.operation.Answer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.ContentEncoding;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpContext;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpPacketParsing;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;

/**
 * Grizzly's HTTP server codec, set up as Grizzly's {@code HttpServer} sets up its own, refusing in the APIs' formats.
 * Requests whose HTTP framing is broken (a Content-Length that is no number or differs from another, broken chunked
 * encoding, a header block over {@link RequestLimits#MAX_HEADER_BLOCK_BYTES} or over 100 fields, no Host on HTTP/1.1,
 * a body on GET) are refused by the codec before any handler sees them; Grizzly's own refusal is a bare 400. This
 * one's carry the error body of the API the request's path names ({@link FrontDoor#refusalAt}) and a detail saying
 * what is wrong; a header block too large is the 431 of RFC 6585. {@link FrontDoorAddOn} puts it in the chain.
 * The connection is closed after such an answer, as before: what follows a broken frame is not a next request.
 * <p>
 * It also refuses what Grizzly's codec lets through or waits on: a head whose lines break their syntax
 * ({@link HeadSyntax}), more than one Host (RFC 9112 §3.2), a Transfer-Encoding other than chunked (RFC 9112 §6.1,
 * §6.3: the body's length could not be told, and what follows would be read as the next request), and a head that
 * stops arriving for the listener's read timeout (a 408, {@link StalledHead}), and a request line naming a major
 * version other than 1, such as HTTP/2.0, HTTP/3.0 or HTTP/0.9 (a 505); a later minor version (HTTP/1.2) is served as
 * HTTP/1.1. A request with both
 * Transfer-Encoding and Content-Length is read by its chunks and answered, and its connection closed (RFC 9112 §6.1).
 */
final class FramingErrorCodec extends HttpServerFilter {

    /** What {@code customizeErrorResponse} should say; set on the request by the error callback just before. */
    private static final String DETAIL = FramingErrorCodec.class.getName() + ".detail";
    /** The request's {@link HeadSyntax}, while its head arrives. */
    private static final String SYNTAX = FramingErrorCodec.class.getName() + ".syntax";
    /** The request's {@link StalledHead}, once its head has begun to arrive and until it has in full. */
    private static final String STALL = FramingErrorCodec.class.getName() + ".stall";
    static final String HEAD_STALLED = "The request's head did not arrive in full.";

    private final FrontDoor frontDoor;
    private final int maxHeaders;
    /** How long a head may go without a byte arriving: the listener's read timeout, or forever where it has none. */
    private final long stallNanos;

    @SuppressWarnings("deprecation") // the constructor Grizzly's HttpServer itself uses (there is no builder yet)
    FramingErrorCodec(NetworkListener listener, HttpServerFilter grizzly, FrontDoor frontDoor) {
        super(listener.isChunkingEnabled(), listener.getMaxHttpHeaderSize() == -1
                        ? DEFAULT_MAX_HTTP_PACKET_HEADER_SIZE : listener.getMaxHttpHeaderSize(),
                null, listener.getKeepAlive(), null, listener.getMaxRequestHeaders(),
                listener.getMaxResponseHeaders());
        this.frontDoor = frontDoor;
        this.maxHeaders = listener.getMaxRequestHeaders();
        this.stallNanos = TimeUnit.MILLISECONDS.toNanos(listener.getTransport().getReadTimeout(TimeUnit.MILLISECONDS));
        for (ContentEncoding encoding : grizzly.getContentEncodings()) {
            addContentEncoding(encoding);
        }
        setAllowPayloadForUndefinedHttpMethods(grizzly.isAllowPayloadForUndefinedHttpMethods());
        setMaxPayloadRemainderToSkip(grizzly.getMaxPayloadRemainderToSkip());
        getMonitoringConfig().addProbes(grizzly.getMonitoringConfig().getProbes());
    }

    /** The head's syntax is checked on its raw bytes, as they arrive; a head that stops arriving is watched. */
    @Override
    protected boolean decodeHttpPacket(FilterChainContext ctx, HttpPacketParsing packet, Buffer input) {
        HttpRequestPacket request = (HttpRequestPacket) packet;
        StalledHead stall = (StalledHead) request.getAttribute(STALL);
        if (stall != null && !stall.progressed()) {
            // Refused as stalled while these bytes were on their way: the connection is closing.
            return false;
        }
        HeadSyntax syntax = (HeadSyntax) request.getAttribute(SYNTAX);
        if (syntax == null) {
            syntax = new HeadSyntax(packet.getHeaderParsingState().offset);
            request.setAttribute(SYNTAX, syntax);
        }
        String problem = syntax.read(input);
        // Grizzly reads what it can even of a broken head, so that the refusal knows the API and the journal the
        // request; it changes bytes it has read, so it reads them after the check.
        boolean whole;
        try {
            whole = super.decodeHttpPacket(ctx, packet, input);
        } catch (RuntimeException refusedByGrizzly) {
            // A head too large, say: Grizzly's own refusal, and nothing more to watch.
            if (stall != null) {
                stall.end();
            }
            throw refusedByGrizzly;
        }
        if (problem != null || whole) {
            request.removeAttribute(SYNTAX);
            request.removeAttribute(STALL);
            if (stall != null) {
                stall.end();
            }
            if (problem != null) {
                throw new MalformedHead(problem);
            }
        } else if (stall == null && stallNanos > 0) {
            Connection<?> connection = ctx.getConnection();
            request.setAttribute(STALL, StalledHead.watch(stallNanos, () -> refuseStalled(connection, request)));
        }
        return whole;
    }

    /** What Grizzly's codec does not check once the head is read: Host, Transfer-Encoding. */
    @Override
    protected boolean onHttpHeaderParsed(HttpHeader header, Buffer buffer, FilterChainContext ctx) {
        HttpRequestPacket request = (HttpRequestPacket) header;
        String version = request.getProtocolString();
        if (otherMajorVersion(version)) {
            // Grizzly reads "HTTP/2.0" as a version it serves, and answers it as 1.1 (an h2 client sends a preface,
            // not this line); "HTTP/0.9" it reads as a 0.9 request, which carries no version at all; and one it does
            // not know (HTTP/3.0) it refused as a malformed request line.
            return refuseVersion(request);
        }
        if (laterMinorOfHttp1(version)) {
            // RFC 9110 §2.5: a later minor version of a major version the server speaks is served as the highest one
            // it speaks. Grizzly knows no HTTP/1.2, and refused it as a malformed request line.
            request.setProtocol(Protocol.HTTP_1_1);
        }
        if (super.onHttpHeaderParsed(header, buffer, ctx)) {
            return true;
        }
        MimeHeaders headers = request.getHeaders();
        if (count(headers.values(Header.Host)) > 1) {
            return refuse(request, 400, "The request has more than one Host header.");
        }
        String expect = headers.getHeader(Header.Expect);
        if (expect != null && !"100-continue".equalsIgnoreCase(expect.strip())) {
            // RFC 9110 §10.1.1: 417. Refused here, before any handler: Grizzly asks about an expectation only when
            // the body has not arrived with the head, and a request whose body had was served as if it were fine.
            request.getProcessingState().setKeepAlive(false);
            return refuse(request, 417, "The Expect header may only ask for 100-continue.");
        }
        List<String> codings = transferCodings(headers);
        if (codings.isEmpty()) {
            return false;
        }
        if (!"chunked".equals(codings.get(codings.size() - 1))) {
            return refuse(request, 400,
                    "The request's Transfer-Encoding does not end in chunked, so its body's length cannot be told.");
        }
        if (codings.indexOf("chunked") != codings.size() - 1) {
            return refuse(request, 400, "The request's Transfer-Encoding applies chunked more than once.");
        }
        if (codings.size() > 1) {
            return refuse(request, 501, "The request's transfer coding " + codings.get(0)
                    + " is not implemented: only chunked is.");
        }
        // Grizzly drops a Content-Length that came before the Transfer-Encoding, but has counted it.
        if (headers.getValue(Header.ContentLength) != null
                || ((HttpPacketParsing) request).getHeaderParsingState().contentLengthHeadersCount > 0) {
            // Read by its chunks (Grizzly's rule too), but a party before us may have read it by its length.
            request.getProcessingState().setKeepAlive(false);
        }
        return false;
    }

    /** {@code HTTP/1.2} to {@code HTTP/1.9}: RFC 9112 §2.3 gives a version one digit on each side of the dot. */
    private static boolean laterMinorOfHttp1(String version) {
        return wellFormedVersion(version) && version.charAt(5) == '1' && version.charAt(7) >= '2';
    }

    /** {@code HTTP/0.9}, {@code HTTP/2.0}, {@code HTTP/3.0} and the like: a major version other than 1. */
    private static boolean otherMajorVersion(String version) {
        return wellFormedVersion(version) && version.charAt(5) != '1';
    }

    private static boolean wellFormedVersion(String version) {
        return version != null && version.length() == 8 && version.startsWith("HTTP/") && version.charAt(6) == '.'
                && Character.isDigit(version.charAt(5)) && Character.isDigit(version.charAt(7));
    }

    /** RFC 9110 §15.6.6: a version whose major number the server does not speak is a 505, answered in 1.1. */
    private static boolean refuseVersion(HttpRequestPacket request) {
        String version = request.getProtocolString();
        request.setProtocol(Protocol.HTTP_1_1);
        return refuse(request, 505, "The stub speaks HTTP/1.1 and HTTP/1.0, not " + version + ".");
    }

    private static boolean refuse(HttpRequestPacket request, int status, String detail) {
        request.setAttribute(DETAIL, detail);
        request.getResponse().setStatus(status);
        request.getProcessingState().setError(true);
        return true;
    }

    private static int count(Iterable<String> values) {
        int count = 0;
        for (String ignored : values) {
            count++;
        }
        return count;
    }

    /** The codings of every Transfer-Encoding field, in order, lower case and without parameters. */
    private static List<String> transferCodings(MimeHeaders headers) {
        List<String> codings = new ArrayList<>(1);
        for (String field : headers.values(Header.TransferEncoding)) {
            for (String element : field.split(",")) {
                String coding = element.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
                codings.add(coding);
            }
        }
        // An empty list element is allowed (RFC 9110 §5.6.1), but a field with no coding at all is not.
        if (codings.size() > 1) {
            codings.removeIf(String::isEmpty);
        }
        return codings;
    }

    /** A stalled head's 408, written from the watch's thread; the connection is closed after it. */
    private void refuseStalled(Connection<?> connection, HttpRequestPacket request) {
        if (!connection.isOpen()) {
            return;
        }
        try {
            refuse(request, 408, HEAD_STALLED);
            request.getProcessingState().setKeepAlive(false);
            readableProtocol(request);
            @SuppressWarnings({"rawtypes", "unchecked"}) // Connection's write takes a handler of its own address type
            Connection raw = connection;
            raw.write(customizeErrorResponse(request.getResponse()), new CloseAfterWrite<>(connection));
        } catch (RuntimeException e) {
            connection.closeSilently();
        }
    }

    /**
     * A stalled body's 408 says the connection closes: it is closed once the answer is written (RFC 9112 §9.6), not
     * after the rest of a body that is not coming, which Grizzly would wait for until the idle timeout.
     */
    @Override
    public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) throws IOException {
        HttpContext context = event.type() == HttpEvents.ResponseCompleteEvent.TYPE ? HttpContext.get(ctx) : null;
        HttpRequestPacket request = context == null ? null : context.getRequest();
        boolean stalledBody = request != null && request.isExpectContent()
                && request.getResponse().getStatus() == 408 && !request.getProcessingState().isKeepAlive();
        NextAction next = super.handleEvent(ctx, event);
        if (stalledBody) {
            ctx.getConnection().closeSilently();
        }
        return next;
    }

    @Override
    protected void onHttpHeaderError(HttpHeader header, FilterChainContext ctx, Throwable error)
            throws IOException {
        String message = String.valueOf(error.getMessage());
        HttpRequestPacket request = (HttpRequestPacket) header;
        readableProtocol(request);
        if (error instanceof MalformedHead) {
            request.setAttribute(DETAIL, message);
        } else if (error instanceof NumberFormatException) {
            request.setAttribute(DETAIL, "The request's Content-Length is not a number.");
        } else if (error instanceof MimeHeaders.MaxHeaderCountExceededException) {
            request.setAttribute(DETAIL, "The request has more than " + maxHeaders + " header fields.");
            request.getResponse().setStatus(431);
        } else if (message.contains("too large")) {
            request.setAttribute(DETAIL, message.contains("intial line")
                    ? "The request line is too long."
                    : "The request's header block is larger than " + RequestLimits.MAX_HEADER_BLOCK_BYTES / 1024
                            + " KiB.");
            request.getResponse().setStatus(431);
        }
        super.onHttpHeaderError(header, ctx, error);
    }

    @Override
    protected void onHttpContentError(HttpHeader header, FilterChainContext ctx, Throwable error)
            throws IOException {
        ((HttpRequestPacket) header).setAttribute(DETAIL, header.isChunked()
                ? "The request body's chunked encoding is malformed."
                : "The request body ended before its Content-Length.");
        super.onHttpContentError(header, ctx, error);
    }

    @Override
    protected HttpContent customizeErrorResponse(HttpResponsePacket response) {
        try {
            return inTheApisFormat(response);
        } catch (RuntimeException e) {
            // Never no answer at all: Grizzly's own bare one is still a refusal.
            return super.customizeErrorResponse(response);
        }
    }

    private HttpContent inTheApisFormat(HttpResponsePacket response) {
        HttpRequestPacket request = response.getRequest();
        int status = response.getStatus();
        Object detail = request.getAttribute(DETAIL);
        if (status == 505 && detail == null) {
            // Grizzly's answer to a request line it cannot read, a version it does not know (HTTP/3.0) among them:
            // a 400 (RFC 9112 §3). Grizzly keeps nothing of the line's version by then to tell the two apart.
            detail = MalformedRequestLineAddOn.DETAIL;
            status = 400;
        }
        if (status < 400 || status >= 500 && status != 501 && status != 505) {
            status = 400;
        }
        ApiProblem problem = ApiProblem.invalid(status, null,
                detail != null ? detail.toString() : detail(request, status));
        Answer answer = frontDoor.refusalAt(path(request), problem, request);
        response.setStatus(answer.status());
        response.setReasonPhrase(answer.reason());
        response.setContentType(answer.contentType());
        response.setContentLength(answer.body().length);
        response.setHeader(Header.Connection, "close");
        return HttpContent.builder(response)
                .content(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, answer.body()))
                .last(true)
                .build();
    }

    /**
     * A request line cut short has no version to answer in (Grizzly takes none for HTTP/0.9, whose answers have no
     * head): HTTP/1.1 then.
     */
    private static void readableProtocol(HttpRequestPacket request) {
        Protocol protocol;
        try {
            protocol = request.getProtocol();
        } catch (RuntimeException unreadable) {
            protocol = Protocol.HTTP_0_9;
        }
        if (protocol == Protocol.HTTP_0_9) {
            request.setProtocol(Protocol.HTTP_1_1);
        }
    }

    /** A head whose syntax {@link HeadSyntax} refused, with what is wrong. */
    private static final class MalformedHead extends IllegalStateException {

        MalformedHead(String detail) {
            super(detail);
        }
    }

    /** The raw path, or "" where the request line broke before it. */
    private static String path(HttpRequestPacket request) {
        String uri = request.getRequestURIRef().getRequestURIBC().toString();
        if (uri == null) {
            return "";
        }
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    /** What is wrong, for the refusals Grizzly makes without an error to tell (it only flags the request). */
    private static String detail(HttpRequestPacket request, int status) {
        if (status == 400 && request.getProtocol() == Protocol.HTTP_1_1 && request.getHeader(Header.Host) == null) {
            return "HTTP/1.1 requests must carry a Host header.";
        }
        if (request instanceof HttpPacketParsing parsing && parsing.getHeaderParsingState().contentLengthsDiffer) {
            // Grizzly's own finding, still set: the codec calls back before it recycles its parsing state.
            return "The request's Content-Length headers disagree.";
        }
        boolean hasBody = request.getContentLength() > 0 || request.isChunked();
        if (hasBody && request.getMethod().getPayloadExpectation() != Method.PayloadExpectation.ALLOWED) {
            // The codec's own rule, which the front door holds too: read, the body would be ignored; unread, it
            // would be taken for the next request on the connection.
            return request.getMethod() + " requests may not carry a body.";
        }
        return "The request's framing is malformed: its request line, headers or body length cannot be read.";
    }
}
