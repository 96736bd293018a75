package dev.hookstub.conformance.checks;

import dev.hookstub.openapi.AnswerValidator;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.Operation;
import dev.hookstub.openapi.RequestValidator;
import dev.hookstub.openapi.SecurityScheme;
import dev.hookstub.openapi.Violation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A report of traffic the engine did not send: every request a client sent through {@code hookstub proxy} and the
 * upstream's answer, as the proxy judged them with openapi-core's validators (the ones a run's judge uses), tallied
 * per operation and check into a {@link RunResult} that the reports write as they write a run's. Exchanges are
 * masked as a run masks its own: credential headers, every credential the request carried wherever it shows up, and
 * members named like secrets.
 */
public final class ObservedTraffic {

    /** What the proxy's reports judge. */
    static final Set<Check> CHECKS = EnumSet.of(Check.REQUEST_PARAMETER_CONFORMANCE, Check.REQUEST_BODY_CONFORMANCE,
            Check.NOT_A_SERVER_ERROR, Check.STATUS_CODE_CONFORMANCE, Check.CONTENT_TYPE_CONFORMANCE,
            Check.RESPONSE_SCHEMA_CONFORMANCE, Check.RESPONSE_HEADERS_CONFORMANCE);
    private static final int UNDOCUMENTED_NAMED = 20;

    /**
     * One exchange as the proxy saw it.
     *
     * @param operation         the spec's operation, or null when it documents none for the request
     * @param url               where the request went (the upstream's URL of it), not masked yet
     * @param requestHeaders    name, value, name, value... as sent (not masked yet)
     * @param forwarded         false when the proxy refused the request itself, so there is no answer to judge
     * @param status            the upstream's status, 0 when it gave none ({@code failure} says why)
     * @param verdict           the proxy's verdict on the answer, null when there is none
     */
    public record Observed(Operation operation, String method, String url, List<String> requestHeaders,
                           String requestBody, List<Violation> requestViolations, boolean forwarded, int status,
                           Map<String, List<String>> responseHeaders, String responseBody,
                           AnswerValidator.Verdict verdict, String failure, long elapsedMillis) {

        public Observed {
            requestHeaders = List.copyOf(requestHeaders);
            requestViolations = List.copyOf(requestViolations);
            responseHeaders = responseHeaders == null ? Map.of() : Map.copyOf(responseHeaders);
        }

        boolean brokeTheSpec() {
            return !requestViolations.isEmpty() || verdict != null && !verdict.violations().isEmpty();
        }
    }

    private final OpenApiSpec spec;
    private final String target;
    private final CheckLedger ledger;
    private final Set<String> credentialHeaders;
    private final long started = System.nanoTime();
    private final Map<String, Integer> undocumented = new LinkedHashMap<>();
    private final Set<Operation> seen = new java.util.HashSet<>();
    private final List<String> notes = new ArrayList<>();
    private int exchanges;
    private int withViolations;

    /** @param target what the report says was checked, e.g. {@code http://127.0.0.1:8080/partoo/v2 -> https://...} */
    public ObservedTraffic(OpenApiSpec spec, String target) {
        this.spec = spec;
        this.target = target;
        this.ledger = new CheckLedger(spec.operations(), CHECKS);
        this.credentialHeaders = SecurityScheme.credentialHeaderNames(spec);
    }

    public synchronized void observe(Observed exchange) {
        exchanges++;
        if (exchange.brokeTheSpec()) {
            withViolations++;
        }
        Operation operation = exchange.operation();
        if (operation == null) {
            undocumented.merge(exchange.method() + " " + exchange.url().split("\\?", 2)[0], 1, Integer::sum);
            return;
        }
        seen.add(operation);
        Masking masking = new Masking(spec, credentials(exchange.requestHeaders()));
        RecordedRequest request = new RecordedRequest(exchange.method(), masking.url(exchange.url()),
                masking.headers(headers(exchange.requestHeaders())),
                masking.requestBody(exchange.requestBody(), contentType(exchange.requestHeaders())));
        RecordedResponse response = !exchange.forwarded()
                ? RecordedResponse.none("refused by the proxy (--errors): the request breaks the spec")
                : exchange.failure() != null ? RecordedResponse.none(exchange.failure())
                : new RecordedResponse(exchange.status(), first(exchange.responseHeaders(), "content-type"),
                        first(exchange.responseHeaders(), "allow"), null, masking.excerpt(exchange.responseBody()),
                        Map.of(), null);
        String description = "observed — " + exchange.method() + " " + request.url();
        judge(operation, Check.REQUEST_PARAMETER_CONFORMANCE, of(exchange.requestViolations(),
                RequestValidator.PARAMETERS), request, response, description, exchange.elapsedMillis());
        if (operation.requestBody().isPresent()) {
            judge(operation, Check.REQUEST_BODY_CONFORMANCE, of(exchange.requestViolations(), RequestValidator.BODY),
                    request, response, description, exchange.elapsedMillis());
        }
        if (!exchange.forwarded()) {
            return;
        }
        if (exchange.failure() != null || exchange.status() >= 500) {
            ledger.fail(operation, Check.NOT_A_SERVER_ERROR, new CaseFailure(description, request, response,
                    exchange.failure() != null ? "no answer: " + exchange.failure()
                            : "server error " + exchange.status(), List.of()), exchange.elapsedMillis());
        } else {
            ledger.pass(operation, Check.NOT_A_SERVER_ERROR, exchange.elapsedMillis());
        }
        if (exchange.verdict() != null) {
            for (String name : exchange.verdict().checks()) {
                judge(operation, Check.named(name).orElseThrow(), exchange.verdict().of(name), request, response,
                        description, exchange.elapsedMillis());
            }
        }
    }

    /** A line the report shows above the results, such as a recorded record that breaks the spec. */
    public synchronized void note(String line) {
        notes.add(line);
    }

    public synchronized int exchanges() {
        return exchanges;
    }

    /** How many requests, or their answers, broke the spec. */
    public synchronized int withViolations() {
        return withViolations;
    }

    public synchronized RunResult result() {
        List<String> all = new ArrayList<>();
        all.add(exchanges + " request(s) passed through the proxy, " + withViolations
                + " of them (or their answers) breaking the spec.");
        if (!undocumented.isEmpty()) {
            all.add(undocumented.values().stream().mapToInt(Integer::intValue).sum() + " request(s) the spec documents "
                    + "no operation for: " + String.join(", ", undocumented.entrySet().stream().limit(UNDOCUMENTED_NAMED)
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").toList())
                    + (undocumented.size() > UNDOCUMENTED_NAMED ? " and more" : "") + ".");
        }
        all.addAll(notes);
        // Why a check judged nothing; the first reason given is the one kept.
        for (Operation operation : spec.operations()) {
            for (Check check : CHECKS) {
                if (!seen.contains(operation)) {
                    ledger.skip(operation, check, "no request for it passed through the proxy");
                }
            }
            ledger.skip(operation, Check.REQUEST_BODY_CONFORMANCE, "the operation takes no body");
            ledger.skip(operation, Check.NOT_A_SERVER_ERROR, "the proxy refused every request for it (--errors)");
            ledger.skip(operation, Check.RESPONSE_HEADERS_CONFORMANCE, "no answer it got declares a response header");
            for (Check check : CHECKS) {
                ledger.skip(operation, check, "no answer it got was judged by this check");
            }
        }
        return new RunResult(spec.name(), RunSettings.observed(CHECKS), target, false, spec.operations().size(),
                exchanges, (System.nanoTime() - started) / 1_000_000, ledger.results(), all,
                java.util.Optional.empty(), List.of());
    }

    private void judge(Operation operation, Check check, List<Violation> violations, RecordedRequest request,
                       RecordedResponse response, String description, long elapsedMillis) {
        if (violations.isEmpty()) {
            ledger.pass(operation, check, elapsedMillis);
        } else {
            ledger.fail(operation, check, new CaseFailure(description, request, response, violations.get(0).reason(),
                    violations), elapsedMillis);
        }
    }

    private static List<Violation> of(List<Violation> violations, String check) {
        return violations.stream().filter(v -> v.check().equals(check)).toList();
    }

    /** The credentials the request carried, without their scheme word, to be masked wherever they show up. */
    private List<String> credentials(List<String> headers) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            if (credentialHeaders.contains(headers.get(i).toLowerCase(Locale.ROOT))) {
                String value = headers.get(i + 1).strip();
                int space = value.indexOf(' ');
                found.add(space > 0 ? value.substring(space + 1).strip() : value);
            }
        }
        return found;
    }

    private static String contentType(List<String> pairs) {
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
            if (pairs.get(i).equalsIgnoreCase("content-type")) {
                return pairs.get(i + 1);
            }
        }
        return null;
    }

    private static Map<String, String> headers(List<String> pairs) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
            headers.merge(pairs.get(i), pairs.get(i + 1), (a, b) -> a + ", " + b);
        }
        return headers;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }
}
