package dev.hookstub.conformance.checks;

import dev.hookstub.conformance.checks.RequestCase.Kind;
import dev.hookstub.openapi.AnswerValidator;
import dev.hookstub.openapi.DeclaredErrorFormat;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.Operation;
import dev.hookstub.openapi.SecurityScheme;
import dev.hookstub.openapi.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Judges one exchange: which checks it passes and fails, for the operation it was sent for. What a response must be
 * depends on the kind of request (see {@link RequestCase.Kind}); every response, whatever the request, is also held
 * to the spec as far as the spec speaks to it (see {@link Check#STATUS_CODE_CONFORMANCE}).
 */
final class ExchangeJudge {

    private final OpenApiSpec spec;
    private final AnswerValidator answers;
    private final CheckLedger ledger;
    private final boolean examplesExist;
    private final Optional<Duration> maxResponseTime;
    /** Whether the run has a credential to send where the spec asks for one. */
    private final boolean credentialGiven;
    private int withinContract;
    private int notFound;
    private int succeeded;

    ExchangeJudge(OpenApiSpec spec, CheckLedger ledger, boolean examplesExist, Optional<Duration> maxResponseTime,
                  boolean credentialGiven) {
        this.spec = spec;
        this.credentialGiven = credentialGiven;
        this.examplesExist = examplesExist;
        this.maxResponseTime = maxResponseTime;
        this.answers = new AnswerValidator(spec);
        this.ledger = ledger;
    }

    void judge(Exchange exchange) {
        RequestCase requestCase = exchange.requestCase();
        maxResponseTime.ifPresent(limit -> verdict(exchange, Check.MAX_RESPONSE_TIME,
                exchange.answered() && exchange.elapsedMillis() <= limit.toMillis(),
                exchange.answered() ? "answered in " + exchange.elapsedMillis() + " ms, over the limit of "
                        + limit.toMillis() + " ms" : "no answer: " + exchange.response().failure()));
        if (!exchange.answered()) {
            verdict(exchange, Check.NOT_A_SERVER_ERROR, false, "no answer: " + exchange.response().failure());
            return;
        }
        int status = exchange.status();
        if (requestCase.kind().withinContract() && requestCase.kind() != Kind.AFTER_DELETE) {
            withinContract++;
            if (status == 404) {
                notFound++;
            } else if (status >= 200 && status < 300) {
                succeeded++;
            }
        }
        verdict(exchange, Check.NOT_A_SERVER_ERROR, status < 500, "server error " + status);
        conformance(exchange);
        if (unauthenticated(requestCase, status)) {
            // Not a valid request: the spec asks for a credential the run does not have.
            ledger.skip(requestCase.operation(), Check.POSITIVE_DATA_ACCEPTANCE, "the operation asks for a "
                    + "credential and none was given (--credential)");
            return;
        }
        if (requestCase.kind() == Kind.EXAMPLE || requestCase.kind() == Kind.GENERATED) {
            Optional<String> unacceptable = whyNoAcceptanceCanShow(requestCase.operation());
            if (unacceptable.isPresent()) {
                ledger.skip(requestCase.operation(), Check.POSITIVE_DATA_ACCEPTANCE, unacceptable.get());
                return;
            }
        }
        switch (requestCase.kind()) {
            case EXAMPLE -> verdict(exchange, Check.POSITIVE_DATA_ACCEPTANCE, accepted(exchange)
                            || !examplesExist && status == 404 && !requestCase.pathParams().isEmpty(),
                    (requestCase.description().startsWith("the spec's example") ? "the spec's example request"
                            : "a valid request (" + requestCase.description() + ")") + " was rejected with " + status);
            case GENERATED -> verdict(exchange, Check.POSITIVE_DATA_ACCEPTANCE,
                    accepted(exchange) || status == 403 || status == 404,
                    "a valid request was rejected with " + status);
            case NEGATIVE -> verdict(exchange, Check.NEGATIVE_DATA_REJECTION, status >= 400 && status < 500,
                    "an invalid request (" + requestCase.description() + ") got " + status + ", not a 4xx");
            case MISSING_HEADER -> verdict(exchange, Check.MISSING_REQUIRED_HEADER, status >= 400 && status < 500,
                    "a request without a required header (" + requestCase.description() + ") got " + status
                            + ", not a 4xx");
            case NO_CREDENTIAL, INVALID_CREDENTIAL -> verdict(exchange, Check.IGNORED_AUTH,
                    status == 401 || status == 403,
                    "a request with " + (requestCase.kind() == Kind.NO_CREDENTIAL ? "no" : "an invalid")
                            + " credential got " + status + ", not 401 or 403");
            case UNDOCUMENTED_METHOD -> unsupportedMethod(exchange);
            case READ_BACK, DELETE, AFTER_DELETE -> { } // judged by the run, which knows what was created
            case OTHER_TENANT -> otherTenant(exchange);
        }
    }

    /**
     * How many answers to requests within the contract were 404, of how many: when nearly all are, and none
     * succeeded, the base URL is more likely wrong than the server. One success shows the paths meet the server's
     * (Mollie's reads of a test-mode record without {@code testmode=true} are 404s beside the example's 200).
     */
    int[] notFoundShare() {
        return new int[] {notFound, withinContract, succeeded};
    }

    /** A success, or any other status the operation declares below 400 (a documented redirect, say). */
    /**
     * Why no answer to a valid request of the operation could show it accepted, or empty when one could: no valid
     * request can be made (one credential cannot meet its security: sent with what one can present, it is none,
     * whatever the server answers), or every status it declares is 400 or above (petstore's deleteOrder: 400 and
     * 404; the server's declared error is what the spec says to expect; a {@code default} declares nothing here).
     */
    private Optional<String> whyNoAcceptanceCanShow(Operation operation) {
        Optional<String> unmet = SecurityScheme.unmetByOneCredential(spec, operation);
        if (unmet.isPresent()) {
            return Optional.of("no valid request can be made: " + unmet.get());
        }
        List<String> statuses = operation.responseStatuses();
        boolean onlyErrors = !statuses.isEmpty() && statuses.stream().allMatch(status -> status.charAt(0) == '4'
                || status.charAt(0) == '5');
        return onlyErrors ? Optional.of("the operation declares no answer below 400, so none can show a valid "
                + "request accepted") : Optional.empty();
    }

    boolean accepted(Exchange exchange) {
        int status = exchange.status();
        return status >= 200 && status < 300
                || status < 400 && spec.responseKeyFor(exchange.requestCase().operation(), status).isPresent();
    }

    /** Status, content type, schema and headers, as far as the spec covers this request. */
    private void conformance(Exchange exchange) {
        RequestCase requestCase = exchange.requestCase();
        Operation operation = requestCase.operation();
        RecordedResponse response = exchange.response();
        int status = response.status();
        AnswerValidator.Verdict verdict;
        if (requestCase.kind() == Kind.UNDOCUMENTED_METHOD) {
            if (status < 400 || status >= 500) {
                return; // not an answer of this operation at all; unsupported_method and not_a_server_error judge it
            }
            verdict = answers.validateRefusalOfUndocumentedMethod(operation, status, response.contentType(),
                    response.body());
        } else {
            verdict = answers.validate(operation, requestCase.kind().withinContract(), status, response.contentType(),
                    response.body(), response.headers());
        }
        for (String name : verdict.checks()) {
            Check check = Check.named(name).orElseThrow();
            List<Violation> own = verdict.of(name);
            if (own.isEmpty()) {
                ledger.pass(operation, check, exchange);
            } else {
                ledger.fail(operation, check, failure(exchange, own.get(0).reason(), own), exchange);
            }
        }
    }

    /** Another tenant's read of a record must be refused, and the refusal must be in the API's error format. */
    private void otherTenant(Exchange exchange) {
        RecordedResponse response = exchange.response();
        int status = response.status();
        if (status != 403 && status != 404) {
            verdict(exchange, Check.TENANT_ISOLATION, false, "another tenant's credential got " + status
                    + (status >= 200 && status < 300 ? ": it can read a record that is not its own" : ", not 403 or 404"));
            return;
        }
        Operation operation = exchange.requestCase().operation();
        List<Violation> format = DeclaredErrorFormat.violations(spec, operation, status, response.contentType(),
                response.body());
        if (format.isEmpty()) {
            ledger.pass(operation, Check.TENANT_ISOLATION, exchange);
        } else {
            ledger.fail(operation, Check.TENANT_ISOLATION, failure(exchange,
                    "the refusal (" + status + ") is not in the API's error format", format), exchange);
        }
    }

    private void unsupportedMethod(Exchange exchange) {
        RecordedResponse response = exchange.response();
        if (response.status() != 405) {
            verdict(exchange, Check.UNSUPPORTED_METHOD, false,
                    "undocumented method " + exchange.request().method() + " got " + response.status() + ", not 405");
            return;
        }
        List<String> missing = new ArrayList<>();
        String allow = response.allow() == null ? "" : response.allow().toUpperCase(Locale.ROOT);
        for (Operation documented : spec.operations()) {
            if (documented.pathTemplate().equals(exchange.requestCase().operation().pathTemplate())
                    && !allow.contains(documented.httpMethod())) {
                missing.add(documented.httpMethod());
            }
        }
        verdict(exchange, Check.UNSUPPORTED_METHOD, response.allow() != null && missing.isEmpty(),
                response.allow() == null ? "405 without an Allow header"
                        : "405 whose Allow header (" + response.allow() + ") leaves out documented " + missing);
    }

    private boolean unauthenticated(RequestCase requestCase, int status) {
        return !credentialGiven && (status == 401 || status == 403) && !requestCase.operation().securityOptional()
                && (requestCase.kind() == Kind.EXAMPLE || requestCase.kind() == Kind.GENERATED);
    }

    void verdict(Exchange exchange, Check check, boolean passed, String reason) {
        verdict(exchange.requestCase().operation(), exchange, check, passed, reason);
    }

    /** A verdict for {@code operation} on an exchange sent for another one (a read-back judges the create). */
    void verdict(Operation operation, Exchange exchange, Check check, boolean passed, String reason) {
        if (passed) {
            ledger.pass(operation, check, exchange);
        } else {
            ledger.fail(operation, check, failure(exchange, reason, List.of()), exchange);
        }
    }

    static CaseFailure failure(Exchange exchange, String reason, List<Violation> violations) {
        return new CaseFailure(exchange.requestCase().kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + " — " + exchange.requestCase().description(), exchange.request(), exchange.response().forReport(),
                reason, violations);
    }
}
