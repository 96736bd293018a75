package dev.hookstub.server.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookstub.openapi.AnswerValidator;
import dev.hookstub.openapi.CredentialPresence;
import dev.hookstub.openapi.RequestValidator;
import dev.hookstub.openapi.Violation;
import dev.hookstub.server.error.ApiProblem;
import dev.hookstub.server.error.ErrorFormat;
import dev.hookstub.server.http.GrizzlyAnswers;
import dev.hookstub.server.journal.CredentialMask;
import dev.hookstub.server.journal.RequestNotes;
import dev.hookstub.server.journal.SpecViolation;
import dev.hookstub.server.proxy.SpecJudge.JudgedRequest;
import dev.hookstub.server.proxy.UpstreamClient.UpstreamAnswer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.util.Header;

/**
 * One API's route when the stub is a proxy: each request is judged against the spec, forwarded unchanged to the
 * upstream (the response suspended meanwhile, so no thread waits for it), and the upstream's answer judged and
 * returned unchanged, with what either breaks in the {@code Hookstub-Violations} header, the journal (noted on the
 * request before the head is written, which is when the journal takes its entry) and the log, and handed to the
 * report and the recorder. With {@code --errors}, a request that breaks the spec is refused before it leaves and an
 * answer that breaks it becomes a 502, each in the API's error format. No answer in time is a 504, no answer at all
 * a 502 naming why.
 */
final class ProxyHandler extends HttpHandler {

    private static final Logger LOG = Logger.getLogger(ProxyHandler.class.getName());
    /**
     * The upstream saying "not now" (too many requests, unavailable): with {@code --errors} these are passed on with
     * their violations noted rather than replaced by a 502, which would hide their {@code Retry-After} and turn a
     * client's back-off into a failure. Few specs declare them.
     */
    private static final java.util.Set<Integer> NOT_NOW = java.util.Set.of(429, 503);
    /** A proxy for webhook APIs and their kin: a body beyond this is refused rather than held in memory. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    /** One proxied API, or the document at {@code /}: where it is mounted, its spec and error format. */
    record Route(String api, String contextPath, SpecJudge judge, ErrorFormat format, CredentialMask mask) {
    }

    private final Route route;
    private final UpstreamClient upstream;
    private final boolean errors;
    private final ProxyReport report;
    /** Takes each answer for {@code --record}; null when not recording. */
    private final Recording recording;
    private final ObjectMapper mapper;

    /** What the recorder needs of a route beyond the exchange. */
    interface Recording {
        void answered(JudgedRequest request, String method, String path, String query, List<String> requestHeaders,
                      int status, String contentType, String body, List<SpecViolation> answerViolations);
    }

    ProxyHandler(Route route, UpstreamClient upstream, boolean errors, ProxyReport report, Recording recording,
                 ObjectMapper mapper) {
        super("proxy+" + route.api());
        this.route = route;
        this.upstream = upstream;
        this.errors = errors;
        this.report = report;
        this.recording = recording;
        this.mapper = mapper;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        long started = System.nanoTime();
        String method = request.getMethod().getMethodString();
        String uri = request.getRequestURI();
        String path = uri.length() > route.contextPath().length() ? uri.substring(route.contextPath().length()) : "/";
        String query = request.getQueryString();
        List<String> headers = new ArrayList<>(32);
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : request.getHeaderNames()) {
            for (String value : request.getHeaders(name)) {
                headers.add(name);
                headers.add(value);
                byName.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
            }
        }
        byte[] body = body(request);
        if (body == null) {
            GrizzlyAnswers.refuse(response, route.format(), new ApiProblem(413, "Payload Too Large",
                    "The request body is larger than the proxy takes (" + MAX_BODY_BYTES + " bytes).", null), mapper);
            return;
        }
        if (body.length > 0) {
            RequestNotes.body(request, body);
        }
        JudgedRequest judged = route.judge().request(method, path, query, byName, text(body));
        List<SpecViolation> requestViolations = SpecJudge.noted(SpecViolation.REQUEST, judged.violations());
        Exchange exchange = new Exchange(method, uri, path, query, headers, body, judged, requestViolations, started);
        if (errors && !judged.keepsToTheSpec()) {
            refuseRequest(exchange, request, response);
            return;
        }
        response.suspend();
        CompletableFuture<UpstreamAnswer> sent;
        try {
            sent = upstream.send(method, path, query, headers, body, request.getContext().getConnection().getTransport());
        } catch (RuntimeException e) {
            // Whatever fails before the request leaves is the upstream's 502 too, never Grizzly's own error page.
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((answer, failure) -> {
            try {
                if (failure != null) {
                    noAnswer(exchange, UpstreamFailure.of(failure, upstream.upstream()), request, response);
                } else {
                    answered(exchange, answer, request, response);
                }
            } catch (Exception | Error e) {
                if (!request.getContext().getConnection().isOpen()) {
                    // The client left before its answer came back (a load generator stopping, a user's timeout):
                    // nothing went wrong here, and there is nobody to answer.
                    LOG.fine(() -> "The client of " + method + " " + exchange.target(route.mask())
                            + " closed its connection before the answer: " + e);
                    return;
                }
                LOG.log(Level.WARNING, "The proxy could not answer " + method + " " + exchange.target(route.mask()), e);
                if (!response.isCommitted()) {
                    response.reset();
                    response.setStatus(500);
                    response.setContentLength(0);
                }
            } finally {
                response.resume();
            }
        });
    }

    /** A request as it came, and what it breaks. */
    private record Exchange(String method, String uri, String path, String query, List<String> headers, byte[] body,
                            JudgedRequest judged, List<SpecViolation> violations, long startedNanos) {

        /** The request's target with its credentials masked, for the log: made only when a line is written. */
        String target(CredentialMask mask) {
            return uri + (query == null ? "" : "?" + mask.query(query));
        }

        long elapsedMillis() {
            return (System.nanoTime() - startedNanos) / 1_000_000;
        }
    }

    private void answered(Exchange exchange, UpstreamAnswer answer, Request request, Response response)
            throws IOException {
        String contentType = answer.header("content-type");
        String text = AnswerBodies.text(answer);
        AnswerValidator.Verdict verdict = route.judge().answer(exchange.judged(), answer.status(), contentType, text,
                answer.headers());
        List<SpecViolation> answerViolations = verdict == null ? List.of()
                : SpecJudge.noted(SpecViolation.RESPONSE, verdict.violations());
        List<SpecViolation> all = new ArrayList<>(exchange.violations());
        all.addAll(answerViolations);
        note(exchange, all, answer.status(), request, response);
        reported(exchange, true, answer.status(), answer.headers(), text, verdict, null);
        if (recording != null) {
            recording.answered(exchange.judged(), exchange.method(), exchange.path(), exchange.query(),
                    exchange.headers(), answer.status(), contentType, text, answerViolations);
        }
        if (errors && !answerViolations.isEmpty() && !NOT_NOW.contains(answer.status())) {
            GrizzlyAnswers.refuse(response, route.format(), new ApiProblem(502, "Bad Gateway",
                    "The upstream's answer (" + answer.status() + ") breaks the spec: " + named(answerViolations),
                    null), mapper);
            return;
        }
        response.setStatus(answer.status(),
                answer.reason() != null ? answer.reason() : ApiProblem.reasonPhrase(answer.status()));
        answer.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.startsWith(":") && !UpstreamClient.NOT_FORWARDED.contains(lower)) {
                values.forEach(value -> response.addHeader(name, value));
            }
        });
        if (exchange.method().equals("HEAD")) {
            String length = answer.header("content-length");
            if (length != null) {
                response.setHeader(Header.ContentLength, length);
            }
            return;
        }
        if (answer.body().length > 0 || answer.status() >= 200 && answer.status() != 204 && answer.status() != 304) {
            response.setContentLength(answer.body().length);
            response.getOutputStream().write(answer.body());
        }
    }

    private void noAnswer(Exchange exchange, UpstreamFailure failure, Request request, Response response)
            throws IOException {
        note(exchange, exchange.violations(), 0, request, response);
        reported(exchange, true, 0, Map.of(), null, null, failure.detail());
        RequestNotes.refusal(request, RequestNotes.reason("upstream", null, failure.detail()));
        GrizzlyAnswers.refuse(response, route.format(), new ApiProblem(failure.status(),
                ApiProblem.reasonPhrase(failure.status()), failure.detail(), null), mapper);
    }

    /**
     * {@code --errors}: the request breaks the spec and does not leave. An operation the spec does not document is
     * a 404 (no such path) or a 405 with {@code Allow}; a path parameter that breaks it a 404 and anything else the
     * API's status for invalid input, as the stub answers them.
     */
    private void refuseRequest(Exchange exchange, Request request, Response response) throws IOException {
        Violation first = exchange.judged().violations().get(0);
        int status;
        String field = null;
        Map<String, String> headers = Map.of();
        if (first.pointer().equals(CredentialPresence.POINTER)) {
            status = 401;
            headers = Map.of("WWW-Authenticate", route.judge().challenge(exchange.judged().operation()));
        } else if (first.check().equals(RequestValidator.OPERATION)) {
            List<String> methods = route.judge().methodsOn(exchange.path());
            status = methods.isEmpty() ? 404 : 405;
            headers = methods.isEmpty() ? Map.of() : Map.of("Allow", String.join(", ", methods));
        } else if (RequestValidator.ofTheMediaType(first)) {
            status = 415;
        } else if (first.check().equals(RequestValidator.BODY)) {
            status = route.format().validationStatus(ErrorFormat.ValidationTarget.BODY);
            field = first.pointer().isEmpty() ? null : first.pointer().substring(1).replace('/', '.');
        } else {
            String[] parts = first.pointer().split("/", 3);
            status = route.format().validationStatus(parts.length > 1 && parts[1].equals("path")
                    ? ErrorFormat.ValidationTarget.PATH_PARAMETER : ErrorFormat.ValidationTarget.QUERY_PARAMETER);
            field = parts.length > 2 ? parts[2] : null;
        }
        note(exchange, exchange.violations(), status, request, response);
        reported(exchange, false, status, Map.of(), null, null, null);
        String detail = "The request breaks the spec and was not forwarded: " + named(exchange.violations());
        RequestNotes.refusal(request, RequestNotes.reason("spec", field, detail));
        GrizzlyAnswers.refuse(response, route.format(),
                new ApiProblem(status, ApiProblem.reasonPhrase(status), detail, field, headers), mapper);
    }

    private void reported(Exchange exchange, boolean forwarded, int status, Map<String, List<String>> headers,
                          String body, AnswerValidator.Verdict verdict, String failure) {
        if (report == ProxyReport.NONE) {
            // Nobody reads it: no URL to resolve, no body to decode again, no record to make, per request.
            return;
        }
        report.exchanged(new ProxiedExchange(route.api(), route.judge().spec(), exchange.judged().operation(),
                exchange.method(), upstream.upstream().resolve(exchange.path(), exchange.query()).toString(),
                exchange.headers(), text(exchange.body()), exchange.judged().violations(), forwarded, status, headers,
                body, verdict, failure, exchange.elapsedMillis()));
    }

    /** The violations in the journal, the header and the log, before any part of the answer is written. */
    private void note(Exchange exchange, List<SpecViolation> violations, int status, Request request,
                      Response response) {
        RequestNotes.violations(request, violations);
        if (!violations.isEmpty()) {
            response.setHeader(ViolationsHeader.NAME, ViolationsHeader.value(violations));
            ViolationLog.exchange(route.api(), exchange.method(), exchange.target(route.mask()), status, violations);
        }
    }

    /** The first violation, and how many more there are. */
    private static String named(List<SpecViolation> violations) {
        return violations.get(0) + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more, in the "
                + ViolationsHeader.NAME + " header)" : "");
    }

    /** The request's body, empty when it has none; null when it is larger than the proxy takes. */
    private static byte[] body(Request request) throws IOException {
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader(Header.TransferEncoding) != null;
        if (!hasBody || request.getMethod().getPayloadExpectation() == Method.PayloadExpectation.NOT_ALLOWED) {
            return new byte[0];
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try (InputStream in = request.getInputStream()) {
            for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
                out.write(chunk, 0, read);
                if (out.size() > MAX_BODY_BYTES) {
                    return null;
                }
            }
        }
        return out.toByteArray();
    }

    private static String text(byte[] body) {
        return body.length == 0 ? null : new String(body, StandardCharsets.UTF_8);
    }
}
