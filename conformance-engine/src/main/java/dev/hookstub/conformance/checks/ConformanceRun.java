package dev.hookstub.conformance.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookstub.conformance.checks.RequestCase.Credential;
import dev.hookstub.conformance.checks.RequestCase.Kind;
import dev.hookstub.conformance.spec.ResponseObserver;
import dev.hookstub.openapi.OpenApiSpec;
import dev.hookstub.openapi.Operation;
import dev.hookstub.openapi.Parameter;
import dev.hookstub.openapi.ParameterCodec;
import dev.hookstub.openapi.SchemaCatalog.Direction;
import dev.hookstub.openapi.SchemaTypes;
import dev.hookstub.openapi.SecurityScheme;
import dev.hookstub.openapi.UnreadablePatterns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs every {@link Check} on every operation of one spec against one server and returns what it found; nothing is
 * asserted here, so the same run serves the suite ({@code SpecChecksTest}) and the tests that point it at broken
 * servers on purpose.
 *
 * <p>Per operation it sends: the spec's example request, generated valid requests, valid boundary values of each
 * parameter, requests that each break one rule, the valid request without each required header, the example request
 * without and with a wrong credential, every undocumented method on paths that no template of the spec serves with
 * it, and for a create a read-back of each record created (and, where the spec documents a delete of it, the delete
 * and a read after it). A read-only target gets no request with a method that could create or change anything (POST,
 * PUT, PATCH, DELETE): checks that would need one are reported as skipped, with the reason.
 *
 * <p>Every operation reaches a verdict: an internal error while preparing or judging one becomes an error result for
 * it, with its reason, and the run goes on; a request that is not answered in time fails its check.
 */
public final class ConformanceRun {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** Requests sent alike to a server compared with: those that do not depend on an earlier answer. */
    private static final Set<Kind> COMPARED_KINDS = java.util.EnumSet.of(Kind.EXAMPLE, Kind.GENERATED, Kind.NEGATIVE,
            Kind.MISSING_HEADER, Kind.NO_CREDENTIAL, Kind.INVALID_CREDENTIAL, Kind.UNDOCUMENTED_METHOD);
    /** Differences kept for a report; a run that finds more says so by the count of operations that differ. */
    private static final int MOST_DIFFERENCES = 2_000;
    /** Methods probed for {@code unsupported_method}; HEAD and OPTIONS are left out, servers answer them for any path. */
    private static final List<String> PROBED_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** Records read with the first credential that are read again with the second; enough to judge isolation. */
    private static final int READS_TO_REPEAT = 50;
    /** {@code -Dconformance.trace=true} prints every exchange (credentials masked), e.g. to see what a seed sends. */
    private static final boolean TRACE = Boolean.getBoolean("conformance.trace");

    private final OpenApiSpec spec;
    private final RunTarget target;
    private final RunSettings settings;
    private final String name;
    private ResponseObserver observer = ResponseObserver.NONE;
    private Consumer<String> progress = line -> { };
    private ExchangeLog log = ExchangeLog.NONE;
    private Optional<CompareTarget> compared = Optional.empty();
    private final UnansweredCases unanswered = new UnansweredCases();
    /** Successful reads with the first credential, to be read again with the second ({@code tenant_isolation}). */
    private final List<RequestCase> readsToRepeat = new ArrayList<>();

    public ConformanceRun(OpenApiSpec spec, RunTarget target, RunSettings settings) {
        this.spec = spec;
        this.target = target;
        this.settings = settings;
        this.name = spec.name();
    }

    /** Tells {@code observer} of every response judged against a declared operation (not the method probes). */
    public ConformanceRun observedBy(ResponseObserver newObserver) {
        this.observer = newObserver;
        return this;
    }

    /** Gets a line as each operation's checks start ({@code [12/1223] GET /path (id)}), for a console on a long run. */
    public ConformanceRun reportingProgressTo(Consumer<String> newProgress) {
        this.progress = newProgress;
        return this;
    }

    /** Gets every exchange as it is judged, credentials masked (e.g. to write a log of a run). */
    public ConformanceRun loggingExchangesTo(ExchangeLog newLog) {
        this.log = newLog;
        return this;
    }

    /**
     * Also sends every request that does not depend on an earlier answer (a read-back needs the id the create
     * returned, which differs per server) to {@code other}, with its own credentials, and reports where the two
     * answers differ ({@link RunResult#differences()}); only this run's server is judged against the spec.
     */
    public ConformanceRun comparingWith(CompareTarget other) {
        this.compared = Optional.of(other);
        return this;
    }

    /** Sends every request and judges every answer. */
    public RunResult run() {
        long started = System.nanoTime();
        long deadline = settings.maxDuration().map(limit -> started + limit.toNanos()).orElse(Long.MAX_VALUE);
        // A client's requests are judged by the proxy's reports only: the engine's own are valid or broken on purpose.
        Set<Check> selected = java.util.EnumSet.copyOf(Check.ofTheEngine());
        selected.retainAll(settings.checks());
        CheckLedger ledger = new CheckLedger(spec.operations(), selected);
        ExchangeJudge judge = new ExchangeJudge(spec, ledger, target.examplesExist(), settings.maxResponseTime(),
                target.credential() != null);
        String credential = target.credential();
        String invalidCredential = invalidVariantOf(credential, random("credential"));
        List<String> secrets = new ArrayList<>();
        secrets.add(invalidCredential);
        if (credential != null) {
            secrets.add(credential);
        }
        if (target.secondCredential() != null) {
            secrets.add(target.secondCredential());
        }
        HttpWire wire = new HttpWire(spec, target.serverUrl(),
                new HttpWire.Credentials(credential, invalidCredential, target.secondCredential()),
                new Masking(spec, secrets), settings.requestTimeout());
        int[] sent = {0};
        // Requests refused in a row (no listener any more), and the operation the first of them was for.
        int[] refusedInARow = {0};
        String[] firstRefused = {null};
        Optional<HttpWire> otherWire = compared.map(other -> {
            String otherInvalid = invalidVariantOf(other.credential(), random("credential"));
            List<String> otherSecrets = new ArrayList<>(secrets);
            otherSecrets.add(otherInvalid);
            java.util.stream.Stream.of(other.credential(), other.secondCredential()).filter(c -> c != null)
                    .forEach(otherSecrets::add);
            return new HttpWire(spec, other.serverUrl(), new HttpWire.Credentials(other.credential(), otherInvalid,
                    other.secondCredential()), new Masking(spec, otherSecrets), settings.requestTimeout());
        });
        AnswerShapes shapes = new AnswerShapes(spec);
        List<Difference> differences = new ArrayList<>();
        Sender sender = requestCase -> {
            Exchange exchange = wire.send(requestCase);
            sent[0]++;
            if (otherWire.isPresent() && COMPARED_KINDS.contains(requestCase.kind())) {
                List<Difference> found = shapes.compare(exchange, otherWire.get().send(requestCase));
                differences.addAll(found.subList(0, Math.min(found.size(), MOST_DIFFERENCES - differences.size())));
            }
            unanswered.record(exchange);
            if (!exchange.answered() && String.valueOf(exchange.response().failure()).contains("connection refused")) {
                if (refusedInARow[0]++ == 0) {
                    firstRefused[0] = requestCase.operation().label();
                }
            } else {
                refusedInARow[0] = 0;
            }
            if (TRACE) {
                System.out.println("[conformance] " + name + " " + requestCase.operation().label() + " "
                        + requestCase.kind() + " (" + requestCase.description() + "): " + exchange.request().method() + " "
                        + exchange.request().url() + (requestCase.body() == null ? "" : " " + exchange.request().body())
                        + " -> " + exchange.response().summary());
            }
            log.sent(requestCase, exchange.request(), exchange.response().forReport(), exchange.elapsedMillis());
            if (requestCase.kind() != Kind.UNDOCUMENTED_METHOD && exchange.answered()) {
                observer.observed(name, requestCase.operation().operationId(), exchange.status(),
                        exchange.request().url());
            }
            if (isRepeatableRead(exchange) && readsToRepeat.size() < READS_TO_REPEAT) {
                readsToRepeat.add(requestCase);
            }
            return exchange;
        };
        ReadBacks readBacks = new ReadBacks(spec, target.serverUrl());
        List<Operation> operations = spec.operations();
        String timeUp = settings.maxDuration().map(limit -> "not reached: the run's time limit (--max-duration "
                + written(limit) + ") ran out first").orElse("");
        String gone = null;
        for (int i = 0; i < operations.size(); i++) {
            Operation operation = operations.get(i);
            if (System.nanoTime() > deadline) {
                skipAll(ledger, operation, timeUp);
                continue;
            }
            if (gone == null && refusedInARow[0] >= SERVER_GONE_AFTER) {
                // The server went away mid-run: every operation after it would fail on "connection refused" alone.
                gone = "not reached: the server stopped taking connections (the last " + refusedInARow[0]
                        + " requests were refused, from " + firstRefused[0] + " on)";
            }
            if (gone != null) {
                skipAll(ledger, operation, gone);
                continue;
            }
            progress.accept("[" + (i + 1) + "/" + operations.size() + "] " + name + " " + operation.httpMethod() + " "
                    + operation.pathTemplate() + (operation.operationId() == null ? "" : " (" + operation.operationId() + ")"));
            try {
                checkOperation(operation, sender, judge, ledger, readBacks);
            } catch (RuntimeException | StackOverflowError e) {
                ledger.error(operation, EngineErrors.describe(e));
            }
        }
        if (settings.makes(Check.UNSUPPORTED_METHOD)) {
            // A server gone is a deadline passed, with its own reason.
            // The probes run after every operation: an operation checked in time may still miss them.
            String probesTimeUp = settings.maxDuration().map(limit -> "not probed: the run's time limit"
                    + " (--max-duration " + written(limit) + ") ran out before the undocumented-method probes,"
                    + " which run after every operation is checked").orElse("");
            checkUndocumentedMethods(sender, judge, ledger, gone != null ? Long.MIN_VALUE : deadline,
                    gone != null ? gone : probesTimeUp);
        }
        checkTenantIsolation(sender, judge, ledger);
        if (settings.maxResponseTime().isEmpty()) {
            operations.forEach(op -> ledger.skip(op, Check.MAX_RESPONSE_TIME, "no limit given (--max-response-time)"));
        }
        operations.forEach(op -> ledger.skip(op, Check.RESPONSE_HEADERS_CONFORMANCE,
                "no answer it got declares a response header"));
        List<String> notes = new ArrayList<>(notes(judge));
        if (gone != null) {
            notes.add("The server stopped taking connections during the run (from " + firstRefused[0]
                    + " on): the operations after it were not reached.");
        }
        return new RunResult(name, settings, target.serverUrl(), target.readOnly(), operations.size(), sent[0],
                (System.nanoTime() - started) / 1_000_000, ledger.results(), notes,
                compared.map(CompareTarget::serverUrl), differences);
    }

    /** A duration as the command line takes it: {@code 90 s}, {@code 1500 ms}. */
    private static String written(Duration limit) {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
    }

    /** Requests refused in a row after which the server is taken to have gone, and the run stops sending. */
    static final int SERVER_GONE_AFTER = 10;

    /** The words of the note that says so, for a caller that knows more about where the API is served. */
    public static final String WRONG_BASE_URL = "the base URL is probably wrong";

    /** How many of a document's unreadable patterns the notes name one by one. */
    private static final int UNREADABLE_PATTERNS_NAMED = 5;

    /**
     * What a reader should know about the run as a whole: a base URL that is probably wrong, requests held back,
     * patterns of the spec that cannot be read.
     */
    private List<String> notes(ExchangeJudge judge) {
        int[] share = judge.notFoundShare();
        List<String> notes = new ArrayList<>();
        if (share[1] >= 2 && share[0] * 10 >= share[1] * 8 && share[2] == 0) {
            Operation first = spec.operations().get(0);
            notes.add(share[0] + " of " + share[1] + " valid requests were answered 404: " + WRONG_BASE_URL + "."
                    + " The spec's paths are appended to it (e.g. " + target.serverUrl() + first.pathTemplate()
                    + "); give the URL its server entry stands for" + (spec.serverBasePath().isEmpty() ? ""
                    : ", which for this spec ends in " + spec.serverBasePath()) + ".");
        }
        notes.addAll(unanswered.notes(settings.requestTimeout().toMillis()));
        Map<String, String> unreadable = UnreadablePatterns.in(spec);
        unreadable.entrySet().stream().limit(UNREADABLE_PATTERNS_NAMED)
                .forEach(pattern -> notes.add(UnreadablePatterns.described(spec, pattern.getKey(), pattern.getValue())));
        if (unreadable.size() > UNREADABLE_PATTERNS_NAMED) {
            notes.add("The spec has " + (unreadable.size() - UNREADABLE_PATTERNS_NAMED)
                    + " more patterns that cannot be read, held to nothing either.");
        }
        return notes;
    }

    /** One exchange as it is sent and judged. */
    public interface ExchangeLog {
        ExchangeLog NONE = (requestCase, request, response, elapsedMillis) -> { };

        void sent(RequestCase requestCase, RecordedRequest request, RecordedResponse response, long elapsedMillis);
    }

    private interface Sender {
        Exchange send(RequestCase requestCase);
    }

    private static void skipAll(CheckLedger ledger, Operation operation, String reason) {
        for (Check check : Check.values()) {
            ledger.skip(operation, check, reason);
        }
    }

    private void checkOperation(Operation operation, Sender sender, ExchangeJudge judge, CheckLedger ledger,
                                ReadBacks readBacks) {
        boolean create = readBacks.readUnder(operation).isPresent() || readBacks.links(operation);
        if (!create) {
            ledger.skip(operation, Check.ENSURE_RESOURCE_AVAILABILITY,
                    "not a create operation (a POST beside a GET of one record under its path, or linked to a GET)");
            ledger.skip(operation, Check.USE_AFTER_FREE, "not a create operation whose record can be deleted");
        }
        if (target.readOnly() && !SAFE_METHODS.contains(operation.httpMethod())) {
            String reason = "read-only run: " + operation.httpMethod() + " may create or change records";
            for (Check check : Check.values()) {
                if (check != Check.UNSUPPORTED_METHOD && check != Check.TENANT_ISOLATION) {
                    ledger.skip(operation, check, reason);
                }
            }
            return;
        }
        CaseGenerator generator =
                new CaseGenerator(spec, operation, target.webhookId(), random(operation.label()));
        Optional<RequestCase> example = generator.example();
        List<RequestCase> positive = new ArrayList<>();
        example.ifPresent(positive::add);
        Set<String> seen = new LinkedHashSet<>();
        example.ifPresent(e -> seen.add(e.identity()));
        positive.addAll(generator.generated(settings.generatedCases(), seen));
        if (settings.boundaryValues() && !positive.isEmpty()) {
            positive.forEach(requestCase -> seen.add(requestCase.identity()));
            positive.addAll(generator.boundary(positive.get(0), seen));
        }
        for (RequestCase requestCase : positive) {
            Exchange exchange = sender.send(requestCase);
            judge.judge(exchange);
            if (create && exchange.succeeded()) {
                readBack(exchange, sender, judge, ledger, readBacks);
            }
        }
        if (positive.isEmpty()) {
            String reason = generator.whyNoRequest();
            for (Check check : Check.values()) {
                ledger.skip(operation, check, reason);
            }
            return;
        }
        RequestCase base = example.orElse(positive.get(0));
        if (settings.makes(Check.NEGATIVE_DATA_REJECTION)) {
            List<RequestCase> negative = generator.negative(base);
            if (negative.isEmpty()) {
                ledger.skip(operation, Check.NEGATIVE_DATA_REJECTION, generator.noNegativeReason(base));
            }
            negative.stream().filter(unanswered::allows).forEach(requestCase -> judge.judge(sender.send(requestCase)));
        }
        if (settings.makes(Check.MISSING_REQUIRED_HEADER)) {
            if (generator.hasRequiredHeader()) {
                generator.missingHeaders(base).stream().filter(unanswered::allows)
                        .forEach(requestCase -> judge.judge(sender.send(requestCase)));
            } else {
                ledger.skip(operation, Check.MISSING_REQUIRED_HEADER, "the operation has no required header parameter");
            }
        }
        if (!settings.makes(Check.IGNORED_AUTH)) {
            return;
        }
        if (operation.securityOptional()) {
            ledger.skip(operation, Check.IGNORED_AUTH, operation.security().isEmpty()
                    ? "the operation declares no security" : "the operation's security is optional (an empty requirement)");
        } else if (!SecurityScheme.asksForHttpCredential(spec, operation)) {
            ledger.skip(operation, Check.IGNORED_AUTH, "no credential sent in HTTP is asked for: "
                    + SecurityScheme.unmetByOneCredential(spec, operation).orElse("none of its schemes is declared"));
        } else {
            CaseGenerator.credentialCases(base).forEach(requestCase -> judge.judge(sender.send(requestCase)));
        }
    }

    /**
     * Reads back what a successful create returned (see {@link ReadBacks}); where the spec documents a delete of that
     * record, deletes it and reads it once more ({@code use_after_free}).
     */
    private void readBack(Exchange created, Sender sender, ExchangeJudge judge, CheckLedger ledger,
                          ReadBacks readBacks) {
        Operation create = created.requestCase().operation();
        Optional<ReadBacks.Plan> plan = readBacks.plan(created);
        if (plan.isEmpty()) {
            ledger.skip(create, Check.ENSURE_RESOURCE_AVAILABILITY, "the create's answer names no record to read back"
                    + " (no link, no Location, no member like the read's path parameter or 'id')");
            ledger.skip(create, Check.USE_AFTER_FREE, "no record to read back and delete");
            return;
        }
        ReadBacks.Plan read = plan.get();
        Optional<String> unfitting = unfitting(read);
        if (unfitting.isPresent()) {
            // Sent anyway, a refusal would say nothing of the server: the request itself would break the spec.
            String why = "the record the create answered cannot be read back with a valid request: "
                    + unfitting.get() + " breaks the read's parameter schema (" + read.read().label() + ")";
            ledger.skip(create, Check.ENSURE_RESOURCE_AVAILABILITY, why);
            ledger.skip(create, Check.USE_AFTER_FREE, why);
            return;
        }
        // What the read requires beyond the record's id (a query parameter, a header) is not the record's: generated.
        Map<String, Map<String, JsonNode>> required = new LinkedHashMap<>();
        required.put("query", new LinkedHashMap<>(read.queryParams()));
        required.put("header", new LinkedHashMap<>());
        required.put("cookie", new LinkedHashMap<>());
        CaseGenerator values = new CaseGenerator(spec, read.read(), Optional.empty(), random(read.read().label()));
        for (String in : required.keySet()) {
            for (Parameter parameter : read.read().parameters(in)) {
                if (!parameter.required() || required.get(in).containsKey(parameter.name())) {
                    continue;
                }
                Optional<JsonNode> value = values.generatedValue(parameter);
                if (value.isEmpty()) {
                    String why = "the read " + read.read().label() + " requires the " + in + " parameter "
                            + parameter.name() + ", and no valid value could be made for it";
                    ledger.skip(create, Check.ENSURE_RESOURCE_AVAILABILITY, why);
                    ledger.skip(create, Check.USE_AFTER_FREE, why);
                    return;
                }
                required.get(in).put(parameter.name(), value.get());
            }
        }
        RequestCase readCase = new RequestCase(read.read(), Kind.READ_BACK, "read back what " + create.label()
                + " created, found by " + read.how() + " (" + created.requestCase().description() + ")",
                "GET", read.pathParams(), required.get("query"), required.get("header"), required.get("cookie"),
                Credential.VALID, null);
        Exchange readBack = sender.send(readCase);
        judge.judge(readBack);
        boolean sameRecord = readBack.succeeded() && sameRecord(read, readBack);
        judge.verdict(create, readBack, Check.ENSURE_RESOURCE_AVAILABILITY, sameRecord,
                !readBack.answered() ? "the created record cannot be read back: no answer: " + readBack.response().failure()
                        : readBack.succeeded() ? "the record read back is not the one created (" + read.pathParams() + ")"
                        : "the created record " + read.pathParams() + " cannot be read back: " + readBack.status());
        if (!sameRecord || !settings.makes(Check.USE_AFTER_FREE)) {
            return;
        }
        Optional<Operation> delete = spec.operations().stream().filter(op -> op.httpMethod().equals("DELETE")
                && op.pathTemplate().equals(read.read().pathTemplate())).findFirst();
        if (delete.isEmpty()) {
            ledger.skip(create, Check.USE_AFTER_FREE, "the spec documents no DELETE of the record read back ("
                    + read.read().pathTemplate() + ")");
            return;
        }
        Exchange deleted = sender.send(new RequestCase(delete.get(), Kind.DELETE, "delete what " + create.label()
                + " created", "DELETE", read.pathParams(), Map.of(), Map.of(), Map.of(), Credential.VALID, null));
        judge.judge(deleted);
        if (!deleted.succeeded()) {
            ledger.skip(create, Check.USE_AFTER_FREE, "the delete of a created record was not accepted ("
                    + deleted.response().summary() + ")");
            return;
        }
        Exchange after = sender.send(readCase.as(Kind.AFTER_DELETE, "read what " + create.label()
                + " created after deleting it", Credential.VALID));
        judge.judge(after);
        judge.verdict(create, after, Check.USE_AFTER_FREE, after.answered() && (after.status() == 404 || after.status() == 410),
                after.answered() ? "a deleted record can still be read: " + after.status() + ", not 404 or 410"
                        : "no answer: " + after.response().failure());
    }

    /**
     * A value the read-back would send that its parameter's schema refuses ({@code orderId=-9007199254740991} for
     * petstore's {@code getOrderById}, whose ids run 1 to 10), as {@code name=value}; empty when all fit.
     */
    private Optional<String> unfitting(ReadBacks.Plan plan) {
        Map<String, JsonNode> values = new LinkedHashMap<>(plan.pathParams());
        values.putAll(plan.queryParams());
        for (Map.Entry<String, JsonNode> value : values.entrySet()) {
            Optional<String> schema = plan.read().parameters().stream()
                    .filter(p -> p.name().equals(value.getKey()) && (p.inPath() || p.inQuery()))
                    .findFirst().flatMap(Parameter::schemaPointer);
            if (schema.isEmpty()) {
                continue;
            }
            String text = ParameterCodec.text(value.getValue());
            JsonNode typed = ParameterCodec.typed(text, SchemaTypes.of(spec, schema.get()));
            if (!spec.schemas().conforms(schema.get(), typed, Direction.REQUEST)) {
                return Optional.of(value.getKey() + "=" + text);
            }
        }
        return Optional.empty();
    }

    /** The same record: the values the read was made with appear in what it answered. */
    private static boolean sameRecord(ReadBacks.Plan plan, Exchange read) {
        JsonNode body = ReadBacks.parse(read.response().body());
        List<Parameter> path = plan.read().parameters("path");
        if (path.isEmpty() || !body.isObject()) {
            return true;
        }
        String idName = path.get(path.size() - 1).name();
        JsonNode wanted = plan.pathParams().get(idName);
        Optional<String> found = new ExampleRecord(body).idFor(idName);
        return found.isEmpty() || wanted == null || found.get().equals(ParameterCodec.text(wanted));
    }

    /**
     * Undocumented methods, probed on each path with its parameters filled, but only those no template of the spec
     * serves with that method ({@code DELETE /gists/public} is {@code DELETE /gists/{gist_id}}, not undocumented).
     * A probe is judged for one operation of the path, the first one checked.
     */
    private void checkUndocumentedMethods(Sender sender, ExchangeJudge judge, CheckLedger ledger, long deadline,
                                          String timeUp) {
        Map<String, List<Operation>> byPath = new LinkedHashMap<>();
        spec.operations().forEach(op -> byPath.computeIfAbsent(op.pathTemplate(), p -> new ArrayList<>()).add(op));
        byPath.forEach((path, operations) -> {
            if (System.nanoTime() > deadline) {
                operations.forEach(op -> ledger.skip(op, Check.UNSUPPORTED_METHOD, timeUp));
                return;
            }
            try {
                probePath(path, operations, sender, judge, ledger);
            } catch (RuntimeException | StackOverflowError e) {
                operations.forEach(op -> ledger.error(op, EngineErrors.describe(e)));
            }
        });
    }

    private void probePath(String path, List<Operation> operations, Sender sender, ExchangeJudge judge,
                           CheckLedger ledger) {
        Set<String> documented = new LinkedHashSet<>();
        operations.forEach(op -> documented.add(op.httpMethod()));
        Operation representative = operations.stream()
                .filter(op -> !target.readOnly() || SAFE_METHODS.contains(op.httpMethod()))
                .findFirst().orElse(operations.get(0));
        // A valid id that names nothing: a server that does implement the method then changes no real record.
        CaseGenerator generator = new CaseGenerator(spec, representative, Optional.empty(), random(path));
        Map<String, JsonNode> pathParams = new LinkedHashMap<>();
        for (Parameter parameter : representative.parameters("path")) {
            pathParams.put(parameter.name(), generator.generatedValue(parameter)
                    .orElse(com.fasterxml.jackson.databind.node.TextNode.valueOf("conformance-probe")));
        }
        String concrete = concretePath(path, pathParams);
        List<String> undocumented = PROBED_METHODS.stream().filter(method -> !documented.contains(method))
                .filter(method -> spec.findOperation(method, concrete).isEmpty()).toList();
        List<String> probes = undocumented.stream()
                .filter(method -> !target.readOnly() || SAFE_METHODS.contains(method)).toList();
        if (probes.isEmpty()) {
            String reason = undocumented.isEmpty()
                    ? "every probed method is documented for " + path + " (or served there by another path's template)"
                    : "read-only run: the undocumented " + String.join(", ", undocumented)
                            + " could change records on a server that implements them";
            operations.forEach(op -> ledger.skip(op, Check.UNSUPPORTED_METHOD, reason));
            return;
        }
        operations.stream().filter(op -> op != representative).forEach(op -> ledger.skip(op,
                Check.UNSUPPORTED_METHOD, "the path's undocumented methods are judged with "
                        + representative.label()));
        for (String method : probes) {
            RequestCase probe = new RequestCase(representative, Kind.UNDOCUMENTED_METHOD,
                    method + " is not documented for " + path, method, pathParams, Map.of(), Map.of(), Map.of(),
                    Credential.VALID, null);
            judge.judge(sender.send(probe));
        }
    }

    private static String concretePath(String template, Map<String, JsonNode> values) {
        String path = template;
        for (Map.Entry<String, JsonNode> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}",
                    ParameterCodec.encode(ParameterCodec.text(value.getValue())));
        }
        return path;
    }

    /** A 2xx answer to a valid read with the first credential: the record it names is that tenant's to see. */
    private boolean isRepeatableRead(Exchange exchange) {
        RequestCase requestCase = exchange.requestCase();
        return settings.makes(Check.TENANT_ISOLATION) && target.secondCredential() != null
                && requestCase.credential() == Credential.VALID && requestCase.kind().withinContract()
                && requestCase.kind() != Kind.AFTER_DELETE && requestCase.kind() != Kind.DELETE
                && requestCase.method().equals("GET") && requestCase.method().equals(requestCase.operation().httpMethod())
                && !requestCase.pathParams().isEmpty()
                && exchange.succeeded();
    }

    /**
     * Every record the first credential read is read again with another tenant's: the answer must be 403 or 404 in
     * the API's error format. Only reads of one record (a path parameter) count; a list may rightly differ per tenant.
     */
    private void checkTenantIsolation(Sender sender, ExchangeJudge judge, CheckLedger ledger) {
        for (Operation operation : spec.operations()) {
            String reason = target.secondCredential() == null
                    ? "no second credential of another tenant was given (--second-credential)"
                    : !operation.httpMethod().equals("GET") || operation.parameters("path").isEmpty()
                            ? "not a read of one record (a GET with a path parameter)"
                            : operation.securityOptional() ? "the operation declares no security"
                            : "no record was read with the first credential";
            ledger.skip(operation, Check.TENANT_ISOLATION, reason);
        }
        Set<String> repeated = new LinkedHashSet<>();
        for (RequestCase original : List.copyOf(readsToRepeat)) {
            if (original.operation().securityOptional() || !repeated.add(original.operation().label() + " "
                    + original.pathParams() + " " + original.queryParams())) {
                continue;
            }
            try {
                RequestCase other = original.as(Kind.OTHER_TENANT, "another tenant reads what the first read ("
                        + original.description() + ")", Credential.SECOND);
                judge.judge(sender.send(other));
            } catch (RuntimeException | StackOverflowError e) {
                ledger.error(original.operation(), EngineErrors.describe(e));
            }
        }
    }

    /**
     * A credential of the same shape the server cannot know: the first third kept, the rest replaced, so a server
     * that checks only a prefix ({@code access_}, {@code mkp_}) is caught.
     */
    static String invalidVariantOf(String credential, Random random) {
        String base = credential == null || credential.isEmpty() ? "conformance-invalid-credential" : credential;
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        int keep = base.length() / 3;
        StringBuilder variant;
        do {
            variant = new StringBuilder(base.substring(0, keep));
            for (int i = keep; i < Math.max(base.length(), keep + 12); i++) {
                variant.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        } while (variant.toString().equals(base));
        return variant.toString();
    }

    /** One generator per operation or path, so adding an operation does not change the requests of the others. */
    private Random random(String scope) {
        return new Random(settings.seed() * 31 + (name + " " + scope).hashCode());
    }
}
